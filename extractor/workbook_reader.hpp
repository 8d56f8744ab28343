// Opening a workbook (XLSX, ODS) found by its content, and refusing those not to be read:
// macro-enabled, encrypted, legacy .xls.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "model/cell_row.hpp"
#include "zip/archive.hpp"

namespace poa::extractor {

enum class WorkbookKind {
  kNone,      // neither a zip nor an OLE file
  kXlsx,      // an Office Open XML workbook (a zip with a workbook part)
  kOds,       // an OpenDocument spreadsheet
  kOtherZip,  // a zip that is no workbook (.docx, .odt, a plain archive)
  kOle,       // an OLE/CFB file: legacy .xls, an encrypted workbook, a .doc
};

// True when `head` (the file's first bytes) starts like a zip or an OLE file: what open_workbook
// looks into, before such binary content is refused.
bool has_workbook_magic(std::string_view head);

// What `head` (the file's first bytes) and, for a zip, its entries say the file is.
WorkbookKind workbook_kind(const std::filesystem::path& path, std::string_view head);

// The reader of a workbook input, or nullptr when `bytes` (the whole file, whose SHA-256 is
// `sha256`) is no workbook and
// the caller should go on by content. Throws InputError: WORKBOOK_REFUSED for a macro-enabled
// workbook, an encrypted one (OLE `EncryptedPackage`, an ODS with encryption data) and a
// legacy .xls, each with its reason; FILE_UNREADABLE for a damaged one or one over the caps
// (zip/archive.hpp's Limits, kMaxWorkbookCells); FILE_UNREADABLE for a `sheet` it lacks.
std::unique_ptr<RowReader> open_workbook(const std::filesystem::path& path, std::string_view bytes,
                                         std::string sha256,
                                         const std::optional<std::string>& sheet);

// The readers themselves, over a package already classified (open_workbook's parts; exposed for
// tests). `info` is complete (path, type, sha256). Throw as open_workbook does.
std::unique_ptr<RowReader> make_xlsx_reader(zip::Archive archive, SourceInfo info,
                                            const std::optional<std::string>& sheet);
std::unique_ptr<RowReader> make_ods_reader(zip::Archive archive, SourceInfo info,
                                           const std::optional<std::string>& sheet);

}  // namespace poa::extractor
