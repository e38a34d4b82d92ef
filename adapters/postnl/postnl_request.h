// Pure builder for the PostNL Shippingstatus v2 "status by barcode" request.
//
//   HttpRequest track = BuildPostnlTrackRequest("3SDEVC172649258", api_key);
//   // GET /shipment/v2/status/barcode/3SDEVC172649258?detail=true&language=EN
//   // apikey: <key>
//
// API (developer.postnl.nl, Shippingstatus webservice v2; PostNL's OpenAPI
// document spec/ShippingStatus/ShippingStatus.json in its developer-portal
// build, github.com/maarten-brijker-postnl/apimatic-testbuild-v1): GET
// /shipment/v2/status/barcode/{barcode} on api.postnl.nl (sandbox:
// api-sandbox.postnl.nl), the key in the `apikey` header (never in the
// URL). detail=true asks for the CompleteStatus (events and old statuses)
// rather than the CurrentStatus alone; language=EN for English descriptions
// (default Dutch), which the reason keywords read. One barcode per call.
#ifndef TRACKENRICH_ADAPTERS_POSTNL_POSTNL_REQUEST_H_
#define TRACKENRICH_ADAPTERS_POSTNL_POSTNL_REQUEST_H_

#include "absl/strings/string_view.h"

#include "adapters/http/http_message.h"

namespace trackenrich::adapters::postnl {

inline constexpr absl::string_view kPostnlTrackPathPrefix = "/shipment/v2/status/barcode/";

// `barcode` must already be normalized ([A-Z0-9]); it is percent-encoded all
// the same, so no input can change the request's path.
http::HttpRequest BuildPostnlTrackRequest(absl::string_view barcode, absl::string_view api_key);

}  // namespace trackenrich::adapters::postnl

#endif  // TRACKENRICH_ADAPTERS_POSTNL_POSTNL_REQUEST_H_
