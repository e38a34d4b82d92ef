// Figures a test reports for the record (fault matrices, counts per RPC,
// failed RPCs under load): printed on stdout and kept as
// <build>/reports/<name>.txt, which deploy/test.sh shows after ctest (ctest
// hides the output of passing tests).
//   PublishReport("fault_matrix", table);
//   std::string table = FormatTable({"fault", "ups"}, {{"reset", "UNAVAILABLE"}});
#ifndef TRACKENRICH_TESTS_SUPPORT_REPORT_H_
#define TRACKENRICH_TESTS_SUPPORT_REPORT_H_

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "tests/support/test_paths.h"

namespace trackenrich::testing {

inline void PublishReport(const std::string& name, const std::string& text) {
  std::printf("%s\n", text.c_str());
  std::fflush(stdout);
  std::error_code error;
  std::filesystem::create_directories(ReportDir(), error);
  std::ofstream(ReportDir() + "/" + name + ".txt") << text << "\n";
}

// A plain-text table with columns padded to their widest cell.
inline std::string FormatTable(const std::vector<std::string>& header,
                               const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> widths(header.size(), 0);
  auto widen = [&](const std::vector<std::string>& row) {
    for (size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], row[i].size());
    }
  };
  widen(header);
  for (const auto& row : rows) widen(row);
  auto line = [&](const std::vector<std::string>& row) {
    std::string text;
    for (size_t i = 0; i < widths.size(); ++i) {
      const std::string cell = i < row.size() ? row[i] : "";
      text += cell;
      if (i + 1 < widths.size()) text += std::string(widths[i] - cell.size() + 2, ' ');
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text + "\n";
  };
  std::string table = line(header);
  std::vector<std::string> rule;
  for (size_t width : widths) rule.push_back(std::string(width, '-'));
  table += line(rule);
  for (const auto& row : rows) table += line(row);
  return table;
}

}  // namespace trackenrich::testing

#endif  // TRACKENRICH_TESTS_SUPPORT_REPORT_H_
