// Directories the tests were configured with. Only test_paths.cc is compiled
// with them, so every other test file compiles the same in any checkout (and
// a second clone or build tree gets ccache hits).
//   std::string fixtures = SharedDir() + "/fixtures";
#ifndef TRACKENRICH_TESTS_SUPPORT_TEST_PATHS_H_
#define TRACKENRICH_TESTS_SUPPORT_TEST_PATHS_H_

#include <string>

namespace trackenrich::testing {

// ../shared next to the checkout (it may be absent).
const std::string& SharedDir();
// tests/data in the checkout.
const std::string& TestDataDir();
// <build>/reports, where tests keep the figures they report (report.h).
const std::string& ReportDir();

}  // namespace trackenrich::testing

#endif  // TRACKENRICH_TESTS_SUPPORT_TEST_PATHS_H_
