// The DPD tracking adapter: DPD Web Services' LoginService (delisId and
// password → authToken, cached) plus ParcelLifeCycleService getTrackingData,
// over the shared HTTP client.
//
//   RegisterDpdAdapter(registry, http_client, {.base_url = "https://wsshipper.dpd.be",
//                                              .delis_id = id, .password = password});
#ifndef TRACKENRICH_ADAPTERS_DPD_DPD_ADAPTER_H_
#define TRACKENRICH_ADAPTERS_DPD_DPD_ADAPTER_H_

#include <string>

#include "absl/status/status.h"

#include "adapters/http/http_client.h"
#include "adapters/tracking_source.h"

namespace trackenrich::adapters::dpd {

struct DpdSettings {
  // wsshipper.dpd.be or wsshipper.dpd.nl (test: shipperadmintest.dpd.*/PublicApi).
  std::string base_url = "https://wsshipper.dpd.be";
  std::string delis_id;
  std::string password;
  // Language of DPD's texts and date format ("en_EN": "8/17/2021 7:11:26 PM").
  std::string message_language = "en_EN";
};

// Adds the DPD adapter to `registry`. INVALID_ARGUMENT if the base URL does
// not parse. With no delisId or password the adapter is still registered and
// answers FAILED_PRECONDITION naming DPD.
absl::Status RegisterDpdAdapter(AdapterRegistry& registry, http::HttpClient& client,
                                DpdSettings settings);

}  // namespace trackenrich::adapters::dpd

#endif  // TRACKENRICH_ADAPTERS_DPD_DPD_ADAPTER_H_
