# bash completion for poa (installed as bash-completion/completions/poa). Options follow
# `poa <command> --help`; tests/cli_test.cpp checks that every option there is listed here.
_poa() {
  local cur prev cmd i
  COMPREPLY=()
  cur="${COMP_WORDS[COMP_CWORD]}"
  prev="${COMP_WORDS[COMP_CWORD-1]}"
  cmd=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "${COMP_WORDS[i]}" in
      convert|review|inspect|pnt) cmd="${COMP_WORDS[i]}"; break ;;
    esac
  done

  local convert_opts="-o --output --format --strict --csv-bom --csv-raw --append -q --quiet --password --max-input-size \
-j --jobs --progress --no-progress --db --incremental --include --exclude --municipio --sheet \
--ocr --ocr-lang --dpi --ocr-min-confidence --help"
  local review_opts="-o --output --strict -q --quiet --password --max-input-size -j --jobs --include --exclude \
--municipio --sheet --ocr --ocr-lang --dpi --ocr-min-confidence --help"
  local inspect_opts="--page --svg --password --sheet --help"
  local pnt_opts="--fraccion --template --settings --format -o --output --password --strict -q --quiet \
--max-input-size --include --exclude --municipio \
--ejercicio --fecha-inicio --fecha-termino --area-responsable --hipervinculo --fecha-validacion \
--fecha-actualizacion --nota --dimension --frecuencia --sentido --metodo-calculo --linea-base \
--fuente --definicion --programa --objetivo --help"

  case "$prev" in
    --format)
      if [[ "$cmd" == pnt ]]; then COMPREPLY=($(compgen -W "xlsx csv" -- "$cur"));
      else COMPREPLY=($(compgen -W "json csv html sqlite json,csv json,csv,html json,csv,sqlite" -- "$cur")); fi
      return ;;
    --fraccion) COMPREPLY=($(compgen -W "iv v vi" -- "$cur")); return ;;
    --ocr) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --objetivo) COMPREPLY=($(compgen -W "proposito meta accion" -- "$cur")); return ;;
    --sentido) COMPREPLY=($(compgen -W "Ascendente Descendente" -- "$cur")); return ;;
    --template) COMPREPLY=($(compgen -f -X '!*.xlsx' -- "$cur")); return ;;
    -o|--output|--settings|--svg|--db) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --password|--max-input-size|-j|--jobs|--include|--exclude|--municipio|--sheet|--ocr-lang|--dpi|--ocr-min-confidence|--page|--ejercicio|--fecha-*|--area-responsable|--hipervinculo|--nota|--dimension|\
--frecuencia|--metodo-calculo|--linea-base|--fuente|--definicion|--programa) return ;;
  esac

  if [[ -z "$cmd" ]]; then
    COMPREPLY=($(compgen -W "convert review inspect pnt --help --version" -- "$cur"))
    return
  fi
  if [[ "$cur" == -* ]]; then
    local opts="${cmd}_opts"
    COMPREPLY=($(compgen -W "${!opts}" -- "$cur"))
    return
  fi
  COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -F _poa poa
