// Workbooks by content: a zip with a workbook part or an OpenDocument spreadsheet's mimetype;
// OLE files looked into only to say why they are refused.
#include "extractor/workbook_reader.hpp"

#include <utility>

#include "extractor/source.hpp"
#include "model/diagnostic.hpp"

namespace poa::extractor {
namespace {

constexpr std::string_view kOleMagic("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
constexpr std::string_view kOdsMime = "application/vnd.oasis.opendocument.spreadsheet";

// A name as an OLE directory entry stores it (UTF-16LE).
std::string utf16le(std::string_view ascii) {
  std::string out;
  for (char c : ascii) {
    out += c;
    out += '\0';
  }
  return out;
}

WorkbookKind zip_kind(zip::Archive& archive) {
  if (archive.contains("xl/workbook.xml") || archive.contains("xl/workbook.bin")) {
    return WorkbookKind::kXlsx;
  }
  if (archive.contains("mimetype")) {
    const std::optional<std::string> mime = archive.read("mimetype");
    if (mime && mime->starts_with(kOdsMime)) return WorkbookKind::kOds;
  }
  // A workbook part named elsewhere by the package's relationships.
  if (const std::optional<std::string> rels = archive.read("_rels/.rels")) {
    if (rels->find("spreadsheetml") != std::string::npos) return WorkbookKind::kXlsx;
  }
  return WorkbookKind::kOtherZip;
}

}  // namespace

bool has_workbook_magic(std::string_view head) {
  return head.substr(0, kOleMagic.size()) == kOleMagic || zip::looks_like_zip(head);
}

WorkbookKind workbook_kind(const std::filesystem::path& path, std::string_view head) {
  if (head.substr(0, kOleMagic.size()) == kOleMagic) return WorkbookKind::kOle;
  if (!zip::looks_like_zip(head)) return WorkbookKind::kNone;
  try {
    zip::Archive archive = zip::Archive::open(path);
    return zip_kind(archive);
  } catch (const zip::ArchiveError&) {
    return WorkbookKind::kOtherZip;
  }
}

std::unique_ptr<RowReader> open_workbook(const std::filesystem::path& path, std::string_view bytes,
                                         std::string sha256,
                                         const std::optional<std::string>& sheet) {
  const Origin origin{path.string(), {}, {}, {}};
  auto refuse = [&](DiagnosticCode code, const std::string& why) {
    return InputError(diag::input_error(code, why, origin));
  };
  if (bytes.substr(0, kOleMagic.size()) == kOleMagic) {
    // Office keeps a password-protected .xlsx as an OLE file with an EncryptedPackage stream.
    if (bytes.find(utf16le("EncryptedPackage")) != std::string_view::npos) {
      throw refuse(DiagnosticCode::kWorkbookRefused,
                   "libro cifrado con contraseña (EncryptedPackage): quítele la contraseña y "
                   "guárdelo como .xlsx, o expórtelo a PDF");
    }
    if (bytes.find(utf16le("Workbook")) != std::string_view::npos ||
        bytes.find(utf16le("Book")) != std::string_view::npos) {
      throw refuse(DiagnosticCode::kWorkbookRefused,
                   "libro de Excel 97-2003 (.xls): no se lee; guárdelo como .xlsx o expórtelo a "
                   "PDF");
    }
    return nullptr;  // a .doc or another OLE file: binary content
  }
  if (!zip::looks_like_zip(bytes)) return nullptr;
  std::optional<zip::Archive> archive;
  try {
    archive = zip::Archive::open(path);
  } catch (const zip::ArchiveError& e) {
    throw refuse(DiagnosticCode::kFileUnreadable,
                 std::string("archivo zip dañado (¿un libro .xlsx u .ods truncado?): ") + e.what());
  }
  WorkbookKind kind = WorkbookKind::kOtherZip;
  try {
    kind = zip_kind(*archive);
  } catch (const zip::ArchiveError& e) {
    throw refuse(DiagnosticCode::kFileUnreadable, std::string("libro dañado: ") + e.what());
  }
  SourceInfo info;
  info.path = path.string();
  info.sha256 = std::move(sha256);
  switch (kind) {
    case WorkbookKind::kXlsx:
      info.type = SourceType::kXlsx;
      return make_xlsx_reader(std::move(*archive), std::move(info), sheet);
    case WorkbookKind::kOds:
      info.type = SourceType::kOds;
      return make_ods_reader(std::move(*archive), std::move(info), sheet);
    default:
      return nullptr;
  }
}

}  // namespace poa::extractor
