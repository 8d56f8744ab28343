// How many cores this process may run on: the default number of files read at once and of OCR
// pages read at once.
#pragma once

namespace poa {

// The CPUs in this process's affinity mask (`taskset -c 0`, a container's cpuset), at least 1.
// std::thread::hardware_concurrency counts every CPU of the machine, so a process pinned to one
// core would start a Tesseract engine (and hold a page image) for each of them and time-slice
// them on that core.
unsigned usable_cores();

}  // namespace poa
