// carriers.fedex, .usps, .dhl, .dpd and .amazon_shipping in the config file.
#include <cstdlib>

#include <catch2/catch.hpp>

#include "adapters/amazon_shipping/amazon_shipping_adapter.h"
#include "adapters/dhl/dhl_adapter.h"
#include "adapters/dpd/dpd_adapter.h"
#include "adapters/fedex/fedex_adapter.h"
#include "adapters/usps/usps_adapter.h"
#include "services/config/service_config.h"
#include "tests/support/carrier_settings.h"
#include "tests/support/status_matchers.h"

namespace trackenrich::server {
namespace {

using testing::StatusIs;
constexpr auto kInvalid = absl::StatusCode::kInvalidArgument;

TEST_CASE("config: every carrier's section, secrets by reference", "[config]") {
  ::setenv("TE_TEST_CARRIER_SECRET", "from-env", 1);
  auto config = ParseServiceConfig(R"({"carriers": {
    "fedex": {"base_url": "https://apis-sandbox.fedex.com",
              "client_id": {"env": "TE_TEST_CARRIER_SECRET"},
              "client_secret": {"env": "TE_TEST_CARRIER_SECRET"},
              "batch_window": "5ms", "max_batch": 10},
    "usps": {"client_id": {"env": "TE_TEST_CARRIER_SECRET"},
             "client_secret": {"env": "TE_TEST_CARRIER_SECRET"}},
    "dhl": {"api_key": {"env": "TE_TEST_CARRIER_SECRET"}},
    "dpd": {"base_url": "https://wsshipper.dpd.nl", "delis_id": {"env": "TE_TEST_CARRIER_SECRET"},
            "password": {"env": "TE_TEST_CARRIER_SECRET"}, "message_language": "nl_NL"},
    "amazon_shipping": {"base_url": "https://sellingpartnerapi-eu.amazon.com",
                        "client_id": {"env": "TE_TEST_CARRIER_SECRET"},
                        "client_secret": {"env": "TE_TEST_CARRIER_SECRET"},
                        "refresh_token": {"env": "TE_TEST_CARRIER_SECRET"},
                        "carrier_id": "AMZN_UK", "business_id": "AmazonShipping_UK"}
  }})");
  REQUIRE(config.ok());
  CHECK(config->carriers.contains("fedex"));
  CHECK(testing::CarrierSettings<adapters::fedex::FedexSettings>(*config, "fedex").base_url ==
        "https://apis-sandbox.fedex.com");
  CHECK(testing::CarrierSettings<adapters::fedex::FedexSettings>(*config, "fedex").client_secret ==
        "from-env");
  CHECK(testing::CarrierSettings<adapters::fedex::FedexSettings>(*config, "fedex").batch_window ==
        absl::Milliseconds(5));
  CHECK(testing::CarrierSettings<adapters::fedex::FedexSettings>(*config, "fedex").max_batch == 10);
  CHECK(config->carriers.contains("usps"));
  CHECK(testing::CarrierSettings<adapters::usps::UspsSettings>(*config, "usps").base_url ==
        "https://apis.usps.com");
  CHECK(testing::CarrierSettings<adapters::dhl::DhlSettings>(*config, "dhl").api_key == "from-env");
  CHECK(testing::CarrierSettings<adapters::dpd::DpdSettings>(*config, "dpd").message_language ==
        "nl_NL");
  CHECK(testing::CarrierSettings<adapters::amazon_shipping::AmazonShippingSettings>(
            *config, "amazon_shipping")
            .carrier_id == "AMZN_UK");
  CHECK(testing::CarrierSettings<adapters::amazon_shipping::AmazonShippingSettings>(
            *config, "amazon_shipping")
            .lwa_url == "https://api.amazon.com");
  CHECK_FALSE(config->carriers.contains("ups"));

  // A section without credentials still counts as configured.
  auto bare = ParseServiceConfig(R"({"carriers": {"dhl": {}}})");
  REQUIRE(bare.ok());
  CHECK(bare->carriers.contains("dhl"));
  CHECK(testing::CarrierSettings<adapters::dhl::DhlSettings>(*bare, "dhl").api_key.empty());
  CHECK_FALSE(bare->carriers.contains("fedex"));
}

TEST_CASE("config: carrier errors name the key and never echo a secret", "[config]") {
  CHECK_THAT(ParseServiceConfig(R"({"carriers": {"dhl": {"api_key": "hunter2"}}})").status(),
             StatusIs(kInvalid, "carriers.dhl.api_key: secrets are given by reference"));
  CHECK_FALSE(absl::StrContains(
      ParseServiceConfig(R"({"carriers": {"dhl": {"api_key": "hunter2"}}})").status().message(),
      "hunter2"));
  CHECK_THAT(ParseServiceConfig(R"({"carriers": {"fedex": {"max_batch": 31}}})").status(),
             StatusIs(kInvalid, "carriers.fedex.max_batch: must be between 1 and 30"));
  CHECK_THAT(ParseServiceConfig(R"({"carriers": {"fedex": {"batch_windw": "2ms"}}})").status(),
             StatusIs(kInvalid, "carriers.fedex.batch_windw: unknown key"));
  ::setenv("TE_TEST_CARRIER_SECRET", "from-env", 1);
  CHECK_THAT(ParseServiceConfig(
                 R"({"carriers": {"usps": {"client_id": {"env": "TE_TEST_CARRIER_SECRET"}}}})")
                 .status(),
             StatusIs(kInvalid, "carriers.usps: client_id and client_secret go together"));
  CHECK_THAT(ParseServiceConfig(
                 R"({"carriers": {"dpd": {"password": {"env": "TE_TEST_CARRIER_SECRET"}}}})")
                 .status(),
             StatusIs(kInvalid, "carriers.dpd: delis_id and password go together"));
  CHECK_THAT(
      ParseServiceConfig(
          R"({"carriers": {"amazon_shipping": {"refresh_token": {"env": "TE_TEST_CARRIER_SECRET"}}}})")
          .status(),
      StatusIs(kInvalid,
               "carriers.amazon_shipping: client_id, client_secret and "
               "refresh_token go together"));
  CHECK_THAT(
      ParseServiceConfig(R"({"carriers": {"amazon_shipping": {"carrier_id": ""}}})").status(),
      StatusIs(kInvalid, "carriers.amazon_shipping.carrier_id: must not be empty"));
  CHECK_THAT(ParseServiceConfig(R"({"carriers": {"dpd": []}})").status(),
             StatusIs(kInvalid, "carriers.dpd: must be an object"));
}

}  // namespace
}  // namespace trackenrich::server
