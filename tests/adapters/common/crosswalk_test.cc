// The crosswalk tables as a whole: each is well-formed, and
// adapters/CROSSWALKS.md is what they print.
#include "adapters/common/crosswalk.h"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "tests/support/test_paths.h"

namespace trackenrich::adapters {
namespace {

constexpr CrosswalkRow kRows[] = {
    {"OD", v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, {}, "On vehicle for delivery"},
    {"DE/007", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_RECIPIENT_UNAVAILABLE,
     "Delivery exception | customer not available"},
};
constexpr Crosswalk kTable{"Example", "eventType", "a manual", kRows};

TEST_CASE("Crosswalk::Find matches the code exactly", "[crosswalk]") {
  REQUIRE(kTable.Find("OD") != nullptr);
  CHECK(kTable.Find("OD")->state == v1::SHIPMENT_STATE_OUT_FOR_DELIVERY);
  CHECK(kTable.Find(CrosswalkPair("DE", "007")) == &kRows[1]);
  CHECK(kTable.Find("od") == nullptr);
  CHECK(kTable.Find("DE") == nullptr);
}

TEST_CASE("CrosswalkMarkdown prints one row per code, pipes escaped", "[crosswalk]") {
  const Crosswalk* tables[] = {&kTable};
  const std::string markdown = CrosswalkMarkdown(tables);
  CHECK_THAT(markdown, Catch::Contains("## Example: eventType"));
  CHECK_THAT(markdown, Catch::Contains("| `OD` | On vehicle for delivery | out_for_delivery |  |"));
  CHECK_THAT(markdown, Catch::Contains("| `DE/007` | Delivery exception \\| customer not "
                                       "available | delivery_attempted | recipient_unavailable |"));
}

TEST_CASE("CrosswalkMarkdown prints order statuses after the carriers", "[crosswalk]") {
  constexpr OrderStatusRow kOrderRows[] = {
      {"Unshipped", v1::ORDER_STATUS_UNSHIPPED, "Payment authorized, not shipped"},
  };
  const OrderStatusCrosswalk orders{"Channel", "OrderStatus", "channel docs", kOrderRows};
  const Crosswalk* tables[] = {&kTable};
  const OrderStatusCrosswalk* order_tables[] = {&orders};
  const std::string markdown = CrosswalkMarkdown(tables, order_tables);
  CHECK_THAT(markdown, Catch::Contains("# Order statuses"));
  CHECK_THAT(markdown, Catch::Contains("## Channel: OrderStatus"));
  CHECK_THAT(markdown,
             Catch::Contains("| `Unshipped` | Payment authorized, not shipped | unshipped |"));
  CHECK(markdown.find("## Example: eventType") < markdown.find("# Order statuses"));
  CHECK(CrosswalkMarkdown(tables).find("# Order statuses") == std::string::npos);
}

TEST_CASE("Every order-status crosswalk has distinct codes, each mapped", "[crosswalk]") {
  REQUIRE_FALSE(AllOrderStatusCrosswalks().empty());
  for (const OrderStatusCrosswalk* crosswalk : AllOrderStatusCrosswalks()) {
    INFO(crosswalk->channel << ": " << crosswalk->field);
    CHECK_FALSE(crosswalk->source.empty());
    std::set<absl::string_view> seen;
    for (const OrderStatusRow& row : crosswalk->rows) {
      INFO(row.code);
      CHECK(seen.insert(row.code).second);
      CHECK(row.status != v1::ORDER_STATUS_UNSPECIFIED);
      CHECK_FALSE(row.meaning.empty());
    }
  }
}

TEST_CASE("Every crosswalk has distinct codes, each mapped to a state", "[crosswalk]") {
  for (const Crosswalk* crosswalk : AllCrosswalks()) {
    INFO(crosswalk->carrier << ": " << crosswalk->field);
    CHECK_FALSE(crosswalk->source.empty());
    std::set<absl::string_view> seen;
    for (const CrosswalkRow& row : crosswalk->rows) {
      INFO(row.code);
      CHECK(seen.insert(row.code).second);
      CHECK(row.state != v1::SHIPMENT_STATE_UNSPECIFIED);
      CHECK_FALSE(row.meaning.empty());
    }
  }
}

TEST_CASE("adapters/CROSSWALKS.md is what the crosswalk tables print", "[crosswalk]") {
  const std::string expected = CrosswalkMarkdown(AllCrosswalks(), AllOrderStatusCrosswalks());
  const std::filesystem::path committed =
      std::filesystem::path(testing::TestDataDir()) / ".." / ".." / "adapters" / "CROSSWALKS.md";
  std::ifstream in(committed);
  std::stringstream text;
  text << in.rdbuf();
  if (text.str() != expected) {
    std::filesystem::create_directories(testing::ReportDir());
    const std::string fresh = testing::ReportDir() + "/CROSSWALKS.md";
    std::ofstream(fresh) << expected;
    FAIL("adapters/CROSSWALKS.md is out of date; regenerate it with: cp " << fresh << " "
                                                                          << committed.string());
  }
}

}  // namespace
}  // namespace trackenrich::adapters
