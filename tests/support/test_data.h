// Where test data lives, and reading it.
//   std::string body = ReadFile(SharedFixture("ups/ups.track.v1...json"));
//   if (!SharedDirExists()) { WARN("skipped: ../shared not found"); return; }
#ifndef TRACKENRICH_TESTS_SUPPORT_TEST_DATA_H_
#define TRACKENRICH_TESTS_SUPPORT_TEST_DATA_H_

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/support/test_paths.h"

namespace trackenrich::testing {

inline std::string SharedFixture(const std::string& relative) {
  return SharedDir() + "/fixtures/" + relative;
}

inline bool SharedDirExists() { return std::filesystem::is_directory(SharedDir() + "/fixtures"); }

inline std::string TestData(const std::string& relative) { return TestDataDir() + "/" + relative; }

inline std::string ReadFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error("cannot read " + path);
  std::stringstream contents;
  contents << file.rdbuf();
  return contents.str();
}

}  // namespace trackenrich::testing

#endif  // TRACKENRICH_TESTS_SUPPORT_TEST_DATA_H_
