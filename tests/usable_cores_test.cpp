// The default number of files and OCR pages read at once follows the cores this process may run
// on (its affinity: `taskset -c 0`, a container's cpuset), not every core of the machine.
#include <gtest/gtest.h>
#include <sched.h>

#include "model/cores.hpp"

namespace poa {
namespace {

TEST(UsableCoresTest, APinnedProcessCountsOnlyTheCoresItMayUse) {
  cpu_set_t allowed;
  CPU_ZERO(&allowed);
  ASSERT_EQ(sched_getaffinity(0, sizeof allowed, &allowed), 0);
  EXPECT_EQ(usable_cores(), static_cast<unsigned>(CPU_COUNT(&allowed)));
  if (CPU_COUNT(&allowed) < 2) GTEST_SKIP() << "one core only: nothing to pin";
  int first = 0;
  while (!CPU_ISSET(first, &allowed)) ++first;
  cpu_set_t one;
  CPU_ZERO(&one);
  CPU_SET(first, &one);
  ASSERT_EQ(sched_setaffinity(0, sizeof one, &one), 0);
  const unsigned pinned = usable_cores();
  ASSERT_EQ(sched_setaffinity(0, sizeof allowed, &allowed), 0);
  EXPECT_EQ(pinned, 1U);
}

}  // namespace
}  // namespace poa
