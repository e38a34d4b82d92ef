#include "services/enrichment/text_extraction.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"

#include "adapters/detection/carrier_detection.h"

namespace trackenrich::enrichment {
namespace {

constexpr double kMinConfidence = 0.5;
constexpr size_t kMaxNumberLength = 40;
// A tracking number printed in groups ("1Z 999 AA1 01 2345 6784") spans at
// most this many groups.
constexpr size_t kMaxGroups = 8;

bool IsAlnum(char c) { return absl::ascii_isalnum(static_cast<unsigned char>(c)); }
bool IsDigit(char c) { return absl::ascii_isdigit(static_cast<unsigned char>(c)); }

void AddUnique(std::vector<std::string>& list, std::string value, size_t max) {
  if (list.size() >= max) return;
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(std::move(value));
}

// 3-7-7 digits, not part of a longer run of digits.
void FindOrderIds(absl::string_view text, std::vector<std::string>& out,
                  std::vector<std::pair<size_t, size_t>>& spans, size_t max) {
  constexpr size_t kLength = 19;
  for (size_t i = 0; i + kLength <= text.size(); ++i) {
    if (i > 0 && (IsDigit(text[i - 1]) || text[i - 1] == '-')) continue;
    const absl::string_view candidate = text.substr(i, kLength);
    bool shaped = candidate[3] == '-' && candidate[11] == '-';
    for (size_t j = 0; shaped && j < kLength; ++j) {
      if (j != 3 && j != 11 && !IsDigit(candidate[j])) shaped = false;
    }
    if (!shaped) continue;
    if (i + kLength < text.size() && (IsDigit(text[i + kLength]) || text[i + kLength] == '-')) {
      continue;
    }
    AddUnique(out, std::string(candidate), max);
    spans.emplace_back(i, i + kLength);
    i += kLength - 1;
  }
}

struct Group {
  size_t begin;
  size_t end;
};

bool Routable(const std::string& number) {
  const auto detected = detection::DetectCarrier(number);
  for (const auto& candidate : detected.candidates()) {
    if (candidate.confidence() >= kMinConfidence &&
        candidate.checksum() != v1::CHECKSUM_RESULT_INVALID) {
      return true;
    }
  }
  return false;
}

}  // namespace

TicketIdentifiers ExtractIdentifiers(absl::string_view text, size_t max_each) {
  TicketIdentifiers ids;
  std::vector<std::pair<size_t, size_t>> order_spans;
  FindOrderIds(text, ids.order_ids, order_spans, max_each);
  auto in_order_id = [&](size_t position) {
    for (const auto& [begin, end] : order_spans) {
      if (position >= begin && position < end) return true;
    }
    return false;
  };

  // Alphanumeric groups; a single space or dash joins groups that may be one
  // number printed in parts.
  std::vector<Group> groups;
  for (size_t i = 0; i < text.size();) {
    if (!IsAlnum(text[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && IsAlnum(text[j])) ++j;
    if (!in_order_id(i)) groups.push_back({i, j});
    i = j;
  }
  auto joined_to_next = [&](size_t g) {
    return g + 1 < groups.size() && groups[g + 1].begin == groups[g].end + 1 &&
           (text[groups[g].end] == ' ' || text[groups[g].end] == '-');
  };

  for (size_t start = 0; start < groups.size();) {
    // Longest run of joined groups first, so "1Z 999 AA1 ..." wins over "999".
    size_t last = start;
    while (last - start + 1 < kMaxGroups && joined_to_next(last)) ++last;
    bool found = false;
    for (size_t end = last + 1; end > start && !found; --end) {
      std::string number;
      for (size_t g = start; g < end; ++g) {
        number.append(text.data() + groups[g].begin, groups[g].end - groups[g].begin);
      }
      if (number.size() > kMaxNumberLength || number.size() < 8) continue;
      absl::AsciiStrToUpper(&number);
      if (Routable(number)) {
        AddUnique(ids.tracking_numbers, number, max_each);
        start = end;
        found = true;
      }
    }
    if (!found) ++start;
  }
  return ids;
}

}  // namespace trackenrich::enrichment
