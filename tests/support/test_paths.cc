#include "tests/support/test_paths.h"

namespace trackenrich::testing {

const std::string& SharedDir() {
  static const std::string dir = TRACKENRICH_SHARED_DIR;
  return dir;
}

const std::string& TestDataDir() {
  static const std::string dir = TRACKENRICH_TEST_DATA_DIR;
  return dir;
}

const std::string& ReportDir() {
  static const std::string dir = TRACKENRICH_REPORT_DIR;
  return dir;
}

}  // namespace trackenrich::testing
