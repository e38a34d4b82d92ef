// Checks detection against every test number of the tracking_number_data
// dataset (MIT, jkeen) in ../shared/fixtures, for the couriers the service
// knows. Skipped, with a warning, where ../shared is absent.
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include "adapters/detection/carrier_detection.h"
#include "tests/adapters/detection/detection_test_util.h"
#include "tests/support/test_paths.h"

namespace trackenrich::detection {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

// The dataset's courier codes for carriers the service supports. "s10" is
// resolved per number from its country suffix.
const std::map<std::string, v1::Carrier>& SupportedCouriers() {
  static const auto* couriers = new std::map<std::string, v1::Carrier>{
      {"amazon", v1::CARRIER_AMAZON}, {"canada_post", v1::CARRIER_CANADA_POST},
      {"dhl", v1::CARRIER_DHL},       {"dpd", v1::CARRIER_DPD},
      {"fedex", v1::CARRIER_FEDEX},   {"lasership", v1::CARRIER_LASERSHIP},
      {"ontrac", v1::CARRIER_ONTRAC}, {"ups", v1::CARRIER_UPS},
      {"usps", v1::CARRIER_USPS},     {"s10", v1::CARRIER_UNSPECIFIED},
  };
  return *couriers;
}

// The postal operator an S10 number's country suffix names, written out here
// rather than taken from the code under test.
v1::Carrier ExpectedS10Carrier(const std::string& normalized) {
  static const auto* operators = new std::map<std::string, v1::Carrier>{
      {"US", v1::CARRIER_USPS},           {"GB", v1::CARRIER_ROYAL_MAIL},
      {"DE", v1::CARRIER_DEUTSCHE_POST},  {"IT", v1::CARRIER_POSTE_ITALIANE},
      {"FR", v1::CARRIER_LA_POSTE},       {"CA", v1::CARRIER_CANADA_POST},
      {"AU", v1::CARRIER_AUSTRALIA_POST}, {"ES", v1::CARRIER_CORREOS},
      {"NL", v1::CARRIER_POSTNL},
  };
  const auto it = operators->find(normalized.substr(normalized.size() - 2));
  return it == operators->end() ? v1::CARRIER_OTHER : it->second;
}

std::optional<json::value> ReadJson(const fs::path& path) {
  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  boost::system::error_code error;
  json::value value = json::parse(text.str(), error);
  if (error) return std::nullopt;
  return value;
}

TEST_CASE("Detection agrees with tracking_number_data's test numbers", "[detection][fixtures]") {
  const fs::path couriers_dir =
      fs::path(testing::SharedDir()) / "fixtures" / "tracking_number_data" / "couriers";
  if (!fs::is_directory(couriers_dir)) {
    WARN("tracking_number_data test skipped: ../shared not found");
    return;
  }

  std::set<std::string> couriers_seen;
  int valid_checked = 0;
  int top_ranked = 0;
  int invalid_checked = 0;
  int invalid_accepted = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(couriers_dir)) {
    if (entry.path().extension() != ".json") continue;
    INFO(entry.path().filename().string());
    const std::optional<json::value> courier = ReadJson(entry.path());
    REQUIRE(courier.has_value());
    const std::string code(courier->at("courier_code").as_string());
    const auto supported = SupportedCouriers().find(code);
    if (supported == SupportedCouriers().end()) continue;
    couriers_seen.insert(code);

    for (const json::value& format : courier->at("tracking_numbers").as_array()) {
      INFO("format " << std::string(format.at("name").as_string()));
      const json::object& test_numbers = format.at("test_numbers").as_object();
      for (const json::value& raw : test_numbers.at("valid").as_array()) {
        const std::string number(raw.as_string());
        const std::string normalized = NormalizeTrackingNumber(number);
        const v1::Carrier carrier =
            code == "s10" ? ExpectedS10Carrier(normalized) : supported->second;
        INFO("valid " << number << " as " << v1::Carrier_Name(carrier));
        const v1::DetectCarrierResponse detected = DetectCarrier(number);
        const v1::CarrierCandidate* candidate = FindCandidate(detected, carrier);
        REQUIRE(candidate != nullptr);
        CHECK((candidate->checksum() == v1::CHECKSUM_RESULT_VALID ||
               candidate->checksum() == v1::CHECKSUM_RESULT_NOT_APPLICABLE));
        if (detected.candidates(0).carrier() == carrier) ++top_ranked;
        ++valid_checked;
      }
      for (const json::value& raw : test_numbers.at("invalid").as_array()) {
        const std::string number(raw.as_string());
        const std::string normalized = NormalizeTrackingNumber(number);
        const v1::Carrier carrier = code == "s10" && normalized.size() >= 2
                                        ? ExpectedS10Carrier(normalized)
                                        : supported->second;
        INFO("invalid " << number << " as " << v1::Carrier_Name(carrier));
        const v1::DetectCarrierResponse detected = DetectCarrier(number);
        const v1::CarrierCandidate* candidate = FindCandidate(detected, carrier);
        const bool refused =
            candidate == nullptr || candidate->checksum() == v1::CHECKSUM_RESULT_INVALID;
        CHECK(refused);
        if (!refused) ++invalid_accepted;
        ++invalid_checked;
      }
    }
  }
  WARN("tracking_number_data: " << top_ranked << " of " << valid_checked
                                << " valid numbers ranked their courier first; " << invalid_accepted
                                << " of " << invalid_checked
                                << " invalid numbers accepted as valid");
  CHECK(couriers_seen.size() == SupportedCouriers().size());
  CHECK(invalid_accepted == 0);
  // Every valid number ranks its courier first, the overlaps included: IMpb
  // Parcel Select numbers (92 612 9...) rank USPS above FedEx SmartPost, and
  // 14 bare digits rank DHL eCommerce above DPD without its check character.
  CHECK(top_ranked == valid_checked);
  CHECK(valid_checked >= 149);
  CHECK(invalid_checked >= 68);
}

}  // namespace
}  // namespace trackenrich::detection
