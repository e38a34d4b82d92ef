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

// "@@N:TEXT@@" -> TEXT repeated N times (the corpora's way of writing huge
// values); a count that does not parse repeats nothing.
inline std::string ExpandRepeats(const std::string& text) {
  const size_t open = text.find("@@");
  if (open == std::string::npos) return text;
  const size_t colon = text.find(':', open);
  const size_t close = text.find("@@", open + 2);
  if (colon == std::string::npos || close == std::string::npos) return text;
  int count = 0;
  try {
    count = std::stoi(text.substr(open + 2, colon - open - 2));
  } catch (const std::exception&) {
    count = 0;
  }
  const std::string unit = text.substr(colon + 1, close - colon - 1);
  std::string repeated;
  for (int i = 0; i < count; ++i) repeated += unit;
  return text.substr(0, open) + repeated + ExpandRepeats(text.substr(close + 2));
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error("cannot read " + path);
  std::stringstream contents;
  contents << file.rdbuf();
  return contents.str();
}

}  // namespace trackenrich::testing

#endif  // TRACKENRICH_TESTS_SUPPORT_TEST_DATA_H_
