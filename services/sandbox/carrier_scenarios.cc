#include "services/sandbox/carrier_scenarios.h"

#include "services/sandbox/amazon_shipping_scenarios.h"
#include "services/sandbox/dhl_scenarios.h"
#include "services/sandbox/dpd_scenarios.h"
#include "services/sandbox/fedex_scenarios.h"
#include "services/sandbox/usps_scenarios.h"

namespace trackenrich::sandbox {

std::vector<Scenario> CarrierScenarioList() {
  std::vector<Scenario> all;
  for (auto list : {FedexScenarioList(), UspsScenarioList(), DhlScenarioList(), DpdScenarioList(),
                    AmazonShippingScenarioList()}) {
    all.insert(all.end(), list.begin(), list.end());
  }
  return all;
}

std::optional<server::HttpServer::Reply> HandleCarrierScenarios(const http::HttpRequest& request,
                                                                absl::Time now,
                                                                const RouteCounter& count) {
  for (auto* handle : {&HandleFedex, &HandleUsps, &HandleDhl, &HandleDpd, &HandleAmazonShipping}) {
    if (auto reply = handle(request, now, count)) return reply;
  }
  return std::nullopt;
}

}  // namespace trackenrich::sandbox
