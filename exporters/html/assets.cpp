// The review report's stylesheet (screen and print) and its one script (value <-> box linking).
#include "exporters/html/assets.hpp"

namespace poa::exporters::html {

const char* const kStylesheet = R"CSS(/* poa: review report */
:root { --tinta: #1b1b1b; --suave: #4a4a4a; --borde: #8c8c8c; --fondo: #ffffff;
  --caja: #0050c8; --resalta: #ffd84d; --aviso: #8a2500; --aviso-fondo: #fff1e6;
  --info: #0b4f6c; --info-fondo: #e8f4fa; --lienzo: #008080; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
  color: var(--tinta); background: var(--fondo); }
a { color: #0645ad; }
a:focus-visible, [tabindex]:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; }
.saltar { position: absolute; left: -9999px; }
.saltar:focus { left: 8px; top: 8px; background: #fff; padding: 4px 8px; z-index: 10; }
header, main, footer { padding: 0 20px; }
header { border-bottom: 1px solid var(--borde); padding-bottom: 8px; }
h1 { font-size: 1.5em; margin: 12px 0 4px; }
h2 { font-size: 1.2em; margin: 18px 0 6px; }
.fuente { color: var(--suave); margin: 2px 0; word-break: break-all; }
table { border-collapse: collapse; margin: 6px 0 12px; }
th, td { border: 1px solid var(--borde); padding: 3px 6px; vertical-align: top; text-align: left; }
th { background: #eef0f3; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.accion { border-top: 3px solid #3a3a3a; margin-top: 18px; }
.accion-cuerpo { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 44%); gap: 16px; }
.datos { overflow-x: auto; }
table.actividades { font-size: .87em; }
.mes-valores { display: grid; grid-template-columns: repeat(6, max-content); gap: 0 8px; font-size: .85em; }
.mes { white-space: nowrap; color: var(--suave); }
.mes .valor { color: var(--tinta); }
.paginas { position: sticky; top: 0; align-self: start; max-height: 100vh; overflow: auto; }
dl.campos { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 2px 10px; margin: 4px 0; }
dl.campos dt { font-weight: bold; color: var(--suave); }
dl.campos dd { margin: 0; }
.valor { border-radius: 2px; padding: 0 1px; }
.valor[data-ref] { cursor: pointer; border-bottom: 1px dotted var(--caja); }
.vacio { color: var(--suave); font-style: italic; }
.baja-confianza { border-bottom: 2px dashed var(--aviso); }
.duda { display: inline-block; margin-left: 3px; padding: 0 4px; border: 1px solid var(--aviso);
  border-radius: 8px; color: var(--aviso); font-size: .75em; font-weight: bold; line-height: 1.3; }
.lector { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%);
  white-space: nowrap; }
.resaltado, .valor.resaltado { background: var(--resalta); color: #000; }
.aviso { display: block; margin: 2px 0; padding: 1px 6px; border-left: 4px solid var(--aviso);
  background: var(--aviso-fondo); color: var(--aviso); font-size: .9em; }
.aviso.sev-info { border-color: var(--info); background: var(--info-fondo); color: var(--info); }
.aviso .codigo { font-family: "DejaVu Sans Mono", monospace; font-size: .85em; }
.con-aviso { box-shadow: inset 3px 0 0 var(--aviso); }
figure.pagina { margin: 0 0 12px; }
figure.pagina figcaption { color: var(--suave); font-size: .9em; }
.lienzo { position: relative; border: 2px solid var(--lienzo); line-height: 0; }
.lienzo img { display: block; width: 100%; height: auto; }
.lienzo svg.cajas { position: absolute; left: 0; top: 0; width: 100%; height: 100%; }
rect.caja { fill: rgba(0, 80, 200, .06); stroke: var(--caja); stroke-width: 1.5px;
  vector-effect: non-scaling-stroke; cursor: pointer; }
rect.caja.con-aviso { stroke: #c03000; stroke-width: 2.5px; }
rect.caja.baja-confianza { stroke: #c03000; stroke-dasharray: 5 3; stroke-width: 2.5px; }
rect.caja:focus { outline: none; }
rect.caja:focus-visible { stroke: #000; stroke-width: 3.5px; }
rect.caja.resaltado { fill: rgba(255, 200, 0, .35); stroke: #b00000; stroke-width: 3px; }
svg.meses rect { fill: #2f5d8a; }
svg.meses rect.cero { fill: #8c8c8c; }
svg.grafica { max-width: 760px; width: 100%; height: auto; font-size: 12px; }
svg.grafica rect { fill: #2f5d8a; }
svg.grafica text { fill: var(--tinta); }
ol.lineas { font: 12px/1.5 "DejaVu Sans Mono", monospace; background: #f7f7f7;
  border: 1px solid var(--borde); padding: 4px 8px 4px 56px; margin: 0; white-space: pre-wrap;
  word-break: break-all; max-height: 80vh; overflow: auto; }
ol.lineas li::marker { color: var(--suave); }
ol.lineas .celda { padding: 0 1px; }
ol.lineas .celda[data-ref] { border-bottom: 1px dotted var(--caja); }
ul.conteos { margin: 0; padding-left: 18px; }
@media (max-width: 1100px) { .accion-cuerpo { grid-template-columns: 1fr; } .paginas { position: static; max-height: none; } }
@media print {
  body { font-size: 10pt; }
  nav, .saltar { display: none; }
  .accion { break-before: page; }
  .accion-cuerpo { grid-template-columns: 1fr; }
  .paginas { position: static; max-height: none; overflow: visible; }
  figure.pagina { break-inside: avoid; }
  ol.lineas { max-height: none; overflow: visible; }
  tr, .aviso { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
)CSS";

const char* const kScript =
    R"JS(// poa review report: hovering or focusing a value lights its box on the page (and back);
// Enter or a click on one brings the other into view. Reads nothing from the data but the
// data-ref attributes, and writes only class names.
(function () {
  'use strict';
  var lit = [];
  function refOf(node) {
    var el = node && node.closest ? node.closest('[data-ref]') : null;
    return el ? el.getAttribute('data-ref') : null;
  }
  function same(ref) {
    return Array.prototype.slice.call(document.querySelectorAll('[data-ref="' + CSS.escape(ref) + '"]'));
  }
  function light(ref) {
    lit.forEach(function (el) { el.classList.remove('resaltado'); });
    lit = ref ? same(ref) : [];
    lit.forEach(function (el) { el.classList.add('resaltado'); });
  }
  function jump(node) {
    var ref = refOf(node);
    if (!ref) return;
    var here = node.closest('[data-ref]');
    var other = same(ref).filter(function (el) { return el !== here; })[0];
    if (!other) return;
    other.scrollIntoView({ block: 'center', inline: 'nearest' });
    if (other.focus) other.focus({ preventScroll: true });
    light(ref);
  }
  document.addEventListener('mouseover', function (ev) { light(refOf(ev.target)); });
  document.addEventListener('focusin', function (ev) { light(refOf(ev.target)); });
  document.addEventListener('click', function (ev) { if (refOf(ev.target)) jump(ev.target); });
  document.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && refOf(ev.target)) { ev.preventDefault(); jump(ev.target); }
  });
  // #caja-rN in the address: that value's box has the focus (and lights with its value), as a
  // Tab onto it would.
  var wanted = /^#caja-(r[0-9]+)$/.exec(location.hash);
  if (wanted) {
    var box = document.querySelector('rect[data-ref="' + wanted[1] + '"]');
    if (box) { box.focus(); light(wanted[1]); }
  }
  // Says the linking is live (the browser tests read it: the script loaded under the CSP).
  document.documentElement.setAttribute('data-enlazado', 'si');
})();
)JS";

}  // namespace poa::exporters::html
