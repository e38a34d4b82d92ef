// La Poste scenarios of the sandbox upstream: API Suivi v2
// (GET /suivi/v2/idships/{id}?lang=..., header X-Okapi-Key) in La Poste's
// wire format, shaped like La Poste's OpenAPI and the published example in
// ../shared/fixtures/other/laposte: an array of one unitary answer
// {lang, scope, returnCode 200, shipment {idShip, holder, product, isFinal,
// entryDate, deliveryDate, timeline[5], event[] newest first, contextData}}.
//
// Sandbox numbers are S10 numbers with La Poste's suffix FR and the UPU check
// digit (international Colissimo, as in the published example EW112720413FR),
// which detection routes to La Poste without a carrier, e.g. EW990000010FR =
// delivered. (Domestic Colissimo numbers, a digit, a letter and 11 digits,
// carry no check digit La Poste publishes, so none serves as a sandbox number.)
// A number the sandbox does not know answers La Poste's 404, returnCode 104
// ("your tracking is not available yet"); the not_found scenario answers the
// published 400 (returnCode 400, "the number is not valid"). A wrong key
// answers 401. Route counted: "la_poste.track".
#ifndef TRACKENRICH_ADAPTERS_LA_POSTE_SANDBOX_LA_POSTE_SCENARIOS_H_
#define TRACKENRICH_ADAPTERS_LA_POSTE_SANDBOX_LA_POSTE_SCENARIOS_H_

#include <optional>
#include <vector>

#include "absl/time/time.h"

#include "adapters/http/http_message.h"
#include "services/http/http_server.h"
#include "services/sandbox/sandbox_upstream.h"
#include "services/sandbox/scenario_util.h"

namespace trackenrich::sandbox {

std::vector<Scenario> LaPosteScenarioList();

// Answers La Poste's route; nullopt for any other path.
std::optional<server::HttpServer::Reply> HandleLaPoste(const http::HttpRequest& request,
                                                       absl::Time now, const RouteCounter& count);

}  // namespace trackenrich::sandbox

#endif  // TRACKENRICH_ADAPTERS_LA_POSTE_SANDBOX_LA_POSTE_SCENARIOS_H_
