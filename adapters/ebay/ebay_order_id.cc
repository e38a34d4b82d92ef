#include "adapters/ebay/ebay_order_id.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace trackenrich::adapters::ebay {
namespace {

bool AllDigits(absl::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace

bool IsEbayOrderId(absl::string_view id) {
  return id.size() == 14 && id[2] == '-' && id[8] == '-' && AllDigits(id.substr(0, 2)) &&
         AllDigits(id.substr(3, 5)) && AllDigits(id.substr(9, 5));
}

absl::Status RecognizeEbayOrderId(absl::string_view id) {
  if (IsEbayOrderId(id)) return absl::OkStatus();
  const std::vector<absl::string_view> groups = absl::StrSplit(id, '-');
  bool digit_groups = groups.size() == 3;
  for (absl::string_view group : groups) digit_groups = digit_groups && AllDigits(group);
  // Near eBay's 2-5-5 (an Amazon 3-7-7 ID is not near it).
  if (digit_groups && groups[0].size() <= 2 && groups[1].size() >= 4 && groups[1].size() <= 6 &&
      groups[2].size() >= 4 && groups[2].size() <= 6) {
    return absl::InvalidArgumentError(
        absl::StrCat("order_id: \"", id,
                     "\" is not an eBay order ID; eBay order IDs are 2, 5 and 5 digits joined by "
                     "hyphens, e.g. 12-34567-89012"));
  }
  return absl::NotFoundError("order_id: not in eBay's order ID form (NN-NNNNN-NNNNN)");
}

}  // namespace trackenrich::adapters::ebay
