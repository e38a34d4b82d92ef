#include "services/enrichment/buyer_claims.h"

#include <string>
#include <vector>

#include "services/enrichment/text_matcher.h"

namespace trackenrich::enrichment {
namespace {

// Folded phrases (text_matcher.h): negation, at most a few words, then the
// verb. English "haven't" is folded to "have not".
const std::vector<std::string>& NotReceivedPhrases() {
  static const auto* const phrases = new std::vector<std::string>{
      // en
      "not +3 receiv*", "never +3 receiv*", "not +2 arriv*", "never +2 arriv*", "never came",
      "not +2 delivered to me", "no package", "nothing +2 arrived", "not +1 got +2 package",
      "not +1 get +2 package", "missing package", "package +3 missing", "parcel +3 missing",
      "but not the other",
      // it
      "non +3 ricevut*", "mai +2 ricevut*", "non +3 arrivat*", "mai +2 arrivat*",
      "non +3 pervenut*", "non +3 consegnat*", "nessun pacco", "ma non l altro",
      // de
      "nicht +3 erhalten", "nie +3 erhalten", "nicht +3 angekommen", "nie +3 angekommen",
      "nicht +3 bekommen", "nie +3 bekommen", "nicht +3 zugestellt", "nicht +3 geliefert",
      "kein paket", "keine lieferung", "nichts +3 angekommen", "nichts +3 erhalten",
      "nur ein* +3 angekommen", "das andere +2 nicht",
      // fr
      "pas +3 recu*", "jamais +3 recu*", "pas +3 arrive*", "jamais +3 arrive*", "pas +3 livre*",
      "aucun colis", "rien +3 recu*", "mais pas l autre",
      // es
      "no +3 recibid*", "nunca +3 recibid*", "no +3 recibi", "nunca +3 recibi", "no +3 llegado",
      "no +3 llego", "nunca +3 llego", "nunca +3 llegado", "no +3 entregado", "ningun paquete",
      "no me ha llegado", "pero no el otro"};
  return *phrases;
}

}  // namespace

bool ReportsNotReceived(absl::string_view text) {
  static const auto* const matcher = new PhraseMatcher(NotReceivedPhrases());
  return matcher->Find(FoldedText(text)).has_value();
}

}  // namespace trackenrich::enrichment
