// The one outcome every job reports, and the `poa` binary's exit status.
#pragma once

namespace poa::job {

// Documented in README ("Exit codes"); the values are the process exit status.
enum class ExitCode {
  kOk = 0,              // done (warnings allowed)
  kInputFailed = 1,     // at least one input was refused (the others were still written)
  kUsage = 2,           // usage error: nothing was read or written
  kStrictWarnings = 3,  // `--strict` and some converted input had a warning
};

constexpr int exit_status(ExitCode code) {
  return static_cast<int>(code);
}

}  // namespace poa::job
