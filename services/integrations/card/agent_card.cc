#include "services/integrations/card/agent_card.h"

#include <array>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

#include "adapters/common/markup_escape.h"
#include "services/enrichment/locale_format.h"

namespace trackenrich::integrations {
namespace {

// The card's labels, one column per language.
enum Language { kEn, kIt, kDe, kFr, kEs, kLanguageCount };

struct Labels {
  const char* title;
  const char* carrier;
  const char* tracking_number;
  const char* expected;
  const char* delivered_on;
  const char* latest_event;
  const char* order;
  const char* flags;
  const char* next_action;
  const char* reply;
  const char* subject;
  const char* nothing_found;
  const char* lookup_errors;
  const char* no_link;
};

constexpr std::array<Labels, kLanguageCount> kLabels = {{
    {"Shipment status", "Carrier", "Tracking number", "Expected delivery", "Delivered on",
     "Latest event", "Order", "Needs attention", "Next step", "Suggested reply", "Subject",
     "No order or shipment found for this ticket.", "Could not look up", "no tracking link"},
    {"Stato della spedizione", "Corriere", "Numero di tracciamento", "Consegna prevista",
     "Consegnato il", "Ultimo evento", "Ordine", "Da verificare", "Prossimo passo",
     "Risposta suggerita", "Oggetto", "Nessun ordine o spedizione trovati per questo ticket.",
     "Ricerca non riuscita", "nessun link di tracciamento"},
    {"Sendungsstatus", "Versanddienst", "Sendungsnummer", "Voraussichtliche Zustellung",
     "Zugestellt am", "Letztes Ereignis", "Bestellung", "Bitte prüfen", "Nächster Schritt",
     "Antwortvorschlag", "Betreff", "Keine Bestellung oder Sendung zu diesem Ticket gefunden.",
     "Nicht abrufbar", "kein Sendungslink"},
    {"État de l'expédition", "Transporteur", "Numéro de suivi", "Livraison prévue", "Livré le",
     "Dernier événement", "Commande", "À vérifier", "Prochaine étape", "Réponse suggérée", "Objet",
     "Aucune commande ni expédition trouvée pour ce ticket.", "Recherche impossible",
     "pas de lien de suivi"},
    {"Estado del envío", "Transportista", "Número de seguimiento", "Entrega prevista",
     "Entregado el", "Último evento", "Pedido", "Requiere atención", "Siguiente paso",
     "Respuesta sugerida", "Asunto", "No se encontró ningún pedido ni envío para este ticket.",
     "No se pudo consultar", "sin enlace de seguimiento"},
}};

// By ShipmentState value (0-15).
constexpr std::array<std::array<const char*, 16>, kLanguageCount> kStateWords = {{
    {"Unknown", "Not found", "Pending", "Label created", "Picked up", "In transit",
     "Out for delivery", "Ready for pickup", "Delivery attempted", "Delayed", "Exception",
     "Returning to sender", "Returned", "Lost", "Delivered", "Cancelled"},
    {"Sconosciuto", "Non trovato", "In attesa", "Etichetta creata", "Ritirato", "In transito",
     "In consegna", "Pronto per il ritiro", "Tentativo di consegna", "In ritardo", "Problema",
     "In restituzione al mittente", "Restituito", "Smarrito", "Consegnato", "Annullato"},
    {"Unbekannt", "Nicht gefunden", "Ausstehend", "Label erstellt", "Abgeholt", "Unterwegs",
     "In Zustellung", "Abholbereit", "Zustellversuch", "Verspätet", "Problem",
     "Rücksendung an Absender", "Zurückgesendet", "Verloren", "Zugestellt", "Storniert"},
    {"Inconnu", "Introuvable", "En attente", "Étiquette créée", "Pris en charge", "En transit",
     "En cours de livraison", "Disponible au retrait", "Tentative de livraison", "Retardé",
     "Incident", "Retour à l'expéditeur", "Retourné", "Perdu", "Livré", "Annulé"},
    {"Desconocido", "No encontrado", "Pendiente", "Etiqueta creada", "Recogido", "En tránsito",
     "En reparto", "Listo para recoger", "Intento de entrega", "Retrasado", "Incidencia",
     "Devolviendo al remitente", "Devuelto", "Perdido", "Entregado", "Cancelado"},
}};

// By RiskFlagKind value (0-6).
constexpr std::array<std::array<const char*, 7>, kLanguageCount> kFlagWords = {{
    {"Flag", "Late", "Ship-by date missed", "Stalled", "Exception", "Invalid tracking",
     "Delivered without signature"},
    {"Segnalazione", "In ritardo", "Data di spedizione superata", "Fermo", "Problema",
     "Tracciamento non valido", "Consegnato senza firma"},
    {"Hinweis", "Verspätet", "Versandfrist verpasst", "Stillstand", "Problem",
     "Ungültige Sendungsnummer", "Ohne Unterschrift zugestellt"},
    {"Alerte", "En retard", "Date d'expédition dépassée", "Bloqué", "Incident", "Suivi invalide",
     "Livré sans signature"},
    {"Aviso", "Con retraso", "Fecha de envío incumplida", "Detenido", "Incidencia",
     "Seguimiento no válido", "Entregado sin firma"},
}};

Language LanguageOf(absl::string_view tag) {
  const std::string primary =
      absl::AsciiStrToLower(std::string(tag.substr(0, tag.find_first_of("-_"))));
  if (primary == "it") return kIt;
  if (primary == "de") return kDe;
  if (primary == "fr") return kFr;
  if (primary == "es") return kEs;
  return kEn;
}

// The enum's name without its prefix: SHIPMENT_STATE_DELIVERED -> DELIVERED.
std::string ShortName(const std::string& name, absl::string_view prefix) {
  return std::string(absl::StripPrefix(name, prefix));
}

std::string StateName(v1::ShipmentState state) {
  return ShortName(v1::ShipmentState_Name(state), "SHIPMENT_STATE_");
}

std::string FlagName(v1::RiskFlagKind kind) {
  return ShortName(v1::RiskFlagKind_Name(kind), "RISK_FLAG_KIND_");
}

absl::CivilDay DayOf(const google::protobuf::Timestamp& timestamp) {
  return absl::ToCivilDay(absl::FromUnixSeconds(timestamp.seconds()), absl::UTCTimeZone());
}

bool IsWebLink(absl::string_view url) {
  return absl::StartsWithIgnoreCase(url, "https://") || absl::StartsWithIgnoreCase(url, "http://");
}

std::string Heading(int level, absl::string_view css_class, absl::string_view text) {
  const int clamped = level < 1 ? 1 : level > 6 ? 6 : level;
  return absl::StrCat("<h", clamped, " class=\"", css_class, "\">", HtmlEscape(text), "</h",
                      clamped, ">");
}

// The buyer's language of the draft, for `lang`; the agent's when unknown.
std::string ReplyLanguage(const v1::Enrichment& enrichment, absl::string_view agent_language) {
  const std::string& language = enrichment.reply().language();
  return language.empty() ? std::string(agent_language) : language;
}

void AppendShipment(const v1::Shipment& shipment, const std::string& order_id,
                    const CardOptions& options, std::string* out) {
  const Labels& labels = kLabels[LanguageOf(options.agent_language)];
  absl::StrAppend(out, "<article class=\"te-shipment\" data-state=\"", StateName(shipment.state()),
                  "\">",
                  Heading(options.heading_level + 1, "te-state",
                          StateWords(shipment.state(), options.agent_language)),
                  "<dl>");
  const std::string carrier = !shipment.carrier_name().empty()
                                  ? shipment.carrier_name()
                                  : ShortName(v1::Carrier_Name(shipment.carrier()), "CARRIER_");
  absl::StrAppend(out, "<dt>", HtmlEscape(labels.carrier), "</dt><dd class=\"te-carrier\">",
                  HtmlEscape(carrier), "</dd>");
  if (!shipment.tracking_number().empty()) {
    absl::StrAppend(out, "<dt>", HtmlEscape(labels.tracking_number), "</dt><dd>");
    if (IsWebLink(shipment.tracking_url())) {
      absl::StrAppend(out, "<a class=\"te-tracking\" href=\"", HtmlEscape(shipment.tracking_url()),
                      "\" target=\"_blank\" rel=\"noopener noreferrer\">",
                      HtmlEscape(shipment.tracking_number()), "</a>");
    } else {
      absl::StrAppend(out, "<span class=\"te-tracking\">", HtmlEscape(shipment.tracking_number()),
                      "</span> (", HtmlEscape(labels.no_link), ")");
    }
    absl::StrAppend(out, "</dd>");
  }
  if (const std::string date = DeliveryDateWords(shipment, options.agent_language); !date.empty()) {
    absl::StrAppend(out, "<dt>",
                    HtmlEscape(shipment.has_delivered_at() ? labels.delivered_on : labels.expected),
                    "</dt><dd class=\"te-eta\">", HtmlEscape(date), "</dd>");
  }
  if (!shipment.carrier_status_text().empty()) {
    absl::StrAppend(out, "<dt>", HtmlEscape(labels.latest_event), "</dt><dd class=\"te-event\">",
                    HtmlEscape(shipment.carrier_status_text()), "</dd>");
  }
  if (!order_id.empty()) {
    absl::StrAppend(out, "<dt>", HtmlEscape(labels.order), "</dt><dd class=\"te-order\">",
                    HtmlEscape(order_id), "</dd>");
  }
  absl::StrAppend(out, "</dl></article>");
}

std::vector<std::string> Lines(absl::string_view text) {
  std::vector<std::string> lines;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    lines.emplace_back(absl::StripTrailingAsciiWhitespace(line));
  }
  return lines;
}

}  // namespace

std::string HtmlEscape(absl::string_view text) { return adapters::MarkupEscape(text); }

std::string StateWords(v1::ShipmentState state, absl::string_view agent_language) {
  const int index = static_cast<int>(state);
  const auto& words = kStateWords[LanguageOf(agent_language)];
  return words[index >= 0 && index < static_cast<int>(words.size()) ? index : 0];
}

std::string FlagWords(v1::RiskFlagKind kind, absl::string_view agent_language) {
  const int index = static_cast<int>(kind);
  const auto& words = kFlagWords[LanguageOf(agent_language)];
  return words[index >= 0 && index < static_cast<int>(words.size()) ? index : 0];
}

std::string DeliveryDateWords(const v1::Shipment& shipment, absl::string_view agent_language) {
  if (shipment.has_delivered_at()) {
    return enrichment::FormatLongDate(DayOf(shipment.delivered_at()), agent_language, true);
  }
  if (!shipment.has_estimated_delivery()) return "";
  const v1::TimeWindow& window = shipment.estimated_delivery();
  if (!window.has_start() && !window.has_end()) return "";
  const absl::CivilDay first = DayOf(window.has_start() ? window.start() : window.end());
  const absl::CivilDay last = DayOf(window.has_end() ? window.end() : window.start());
  return enrichment::FormatDateRange(first, last, agent_language);
}

std::vector<const v1::Shipment*> CardShipments(const v1::Enrichment& enrichment) {
  std::vector<const v1::Shipment*> shipments;
  for (const v1::Order& order : enrichment.orders()) {
    for (const v1::Shipment& shipment : order.shipments()) shipments.push_back(&shipment);
  }
  for (const v1::Shipment& shipment : enrichment.shipments()) shipments.push_back(&shipment);
  return shipments;
}

std::string RenderCardFragment(const v1::Enrichment& enrichment, const CardOptions& options) {
  const Labels& labels = kLabels[LanguageOf(options.agent_language)];
  const int level = options.heading_level;
  std::string out =
      absl::StrCat("<section class=\"te-card\" lang=\"", HtmlEscape(options.agent_language), "\">",
                   Heading(level, "te-title", labels.title));
  bool any = false;
  for (const v1::Order& order : enrichment.orders()) {
    any = true;
    if (order.shipments().empty()) {
      absl::StrAppend(&out, "<article class=\"te-order-only\"><dl><dt>", HtmlEscape(labels.order),
                      "</dt><dd class=\"te-order\">", HtmlEscape(order.order_id()), "</dd>");
      if (!order.channel_status().empty()) {
        absl::StrAppend(&out, "<dt>", HtmlEscape(labels.latest_event),
                        "</dt><dd class=\"te-event\">", HtmlEscape(order.channel_status()),
                        "</dd>");
      }
      absl::StrAppend(&out, "</dl></article>");
    }
    for (const v1::Shipment& shipment : order.shipments()) {
      AppendShipment(shipment, order.order_id(), options, &out);
    }
  }
  for (const v1::Shipment& shipment : enrichment.shipments()) {
    any = true;
    AppendShipment(shipment, "", options, &out);
  }
  if (!any) {
    absl::StrAppend(&out, "<p class=\"te-nothing\">", HtmlEscape(labels.nothing_found), "</p>");
  }
  if (!enrichment.flags().empty()) {
    absl::StrAppend(&out, "<section class=\"te-flags\">",
                    Heading(level + 1, "te-heading", labels.flags), "<ul>");
    for (const v1::RiskFlag& flag : enrichment.flags()) {
      absl::StrAppend(&out, "<li data-flag=\"", FlagName(flag.kind()), "\"><strong>",
                      HtmlEscape(FlagWords(flag.kind(), options.agent_language)), "</strong>");
      if (!flag.reason().empty()) absl::StrAppend(&out, ": ", HtmlEscape(flag.reason()));
      absl::StrAppend(&out, "</li>");
    }
    absl::StrAppend(&out, "</ul></section>");
  }
  if (!enrichment.errors().empty()) {
    absl::StrAppend(&out, "<section class=\"te-errors\">",
                    Heading(level + 1, "te-heading", labels.lookup_errors), "<ul>");
    for (const v1::LookupError& error : enrichment.errors()) {
      absl::StrAppend(&out, "<li><strong>", HtmlEscape(error.subject()),
                      "</strong>: ", HtmlEscape(error.message()), "</li>");
    }
    absl::StrAppend(&out, "</ul></section>");
  }
  if (enrichment.has_next_action() && !enrichment.next_action().summary().empty()) {
    const v1::NextAction& next = enrichment.next_action();
    absl::StrAppend(&out, "<section class=\"te-next\" data-action=\"",
                    ShortName(v1::NextActionKind_Name(next.kind()), "NEXT_ACTION_KIND_"), "\">",
                    Heading(level + 1, "te-heading", labels.next_action), "<p>",
                    HtmlEscape(next.summary()), "</p>");
    if (!next.steps().empty()) {
      absl::StrAppend(&out, "<ol>");
      for (const std::string& step : next.steps()) {
        absl::StrAppend(&out, "<li>", HtmlEscape(step), "</li>");
      }
      absl::StrAppend(&out, "</ol>");
    }
    absl::StrAppend(&out, "</section>");
  }
  if (enrichment.has_reply() && !enrichment.reply().body().empty()) {
    const v1::RenderedReply& reply = enrichment.reply();
    absl::StrAppend(&out, "<section class=\"te-reply\">",
                    Heading(level + 1, "te-heading", labels.reply), "<blockquote lang=\"",
                    HtmlEscape(ReplyLanguage(enrichment, options.agent_language)), "\">");
    if (!reply.subject().empty()) {
      absl::StrAppend(&out, "<p class=\"te-reply-subject\"><strong>", HtmlEscape(labels.subject),
                      ":</strong> ", HtmlEscape(reply.subject()), "</p>");
    }
    absl::StrAppend(&out, "<p class=\"te-reply-body\">");
    bool first = true;
    for (const std::string& line : Lines(reply.body())) {
      absl::StrAppend(&out, first ? "" : "<br>", HtmlEscape(line));
      first = false;
    }
    absl::StrAppend(&out, "</p></blockquote></section>");
  }
  absl::StrAppend(&out, "</section>");
  return out;
}

std::string RenderCardPage(const v1::Enrichment& enrichment, const CardOptions& options) {
  const Labels& labels = kLabels[LanguageOf(options.agent_language)];
  // Dark text on white (contrast above 12:1), links underlined, no fixed
  // widths: one column that wraps long numbers at 320 px.
  constexpr absl::string_view kStyle =
      "body{margin:0;padding:12px;font:15px/1.45 system-ui,-apple-system,'Segoe "
      "UI',Roboto,sans-serif;color:#1a1a1a;background:#fff;max-width:40rem}"
      "h1,h2,h3,h4{margin:.8em 0 .3em;line-height:1.25}h2{font-size:1.15rem}"
      "h1{font-size:1.3rem}h3{font-size:1rem}.te-state{font-size:1.1rem}"
      "article{border:1px solid #c8c8c8;border-radius:6px;padding:8px 10px;margin:8px 0}"
      "dl{display:grid;grid-template-columns:minmax(0,auto) minmax(0,1fr);gap:2px "
      "10px;margin:0}dt{font-weight:600;color:#333}dd{margin:0;overflow-wrap:anywhere}"
      "a{color:#0645ad;text-decoration:underline}a:focus{outline:2px solid #0645ad}"
      ".te-flags li{color:#8a1c1c}blockquote{margin:0;padding:8px 10px;background:#f3f3f3;"
      "border-left:4px solid #555;white-space:normal;overflow-wrap:anywhere}"
      "ul,ol{padding-left:1.3em;margin:.3em 0}"
      "@media (max-width:360px){dl{grid-template-columns:1fr}dt{margin-top:4px}}";
  CardOptions page_options = options;
  page_options.heading_level = 1;
  return absl::StrCat("<!DOCTYPE html>\n<html lang=\"", HtmlEscape(options.agent_language),
                      "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                      "content=\"width=device-width, initial-scale=1\"><title>",
                      HtmlEscape(labels.title), "</title><style>", kStyle,
                      "</style></head><body><main>", RenderCardFragment(enrichment, page_options),
                      "</main></body></html>\n");
}

std::string RenderCardText(const v1::Enrichment& enrichment, const CardOptions& options) {
  const std::string& language = options.agent_language;
  const Labels& labels = kLabels[LanguageOf(language)];
  std::vector<std::string> lines = {labels.title};
  auto shipment_lines = [&](const v1::Shipment& shipment, const std::string& order_id) {
    std::string carrier = !shipment.carrier_name().empty()
                              ? shipment.carrier_name()
                              : ShortName(v1::Carrier_Name(shipment.carrier()), "CARRIER_");
    lines.push_back(absl::StrCat("- ", StateWords(shipment.state(), language), " (", carrier,
                                 shipment.tracking_number().empty() ? "" : " ",
                                 shipment.tracking_number(), ")"));
    if (IsWebLink(shipment.tracking_url())) lines.push_back("  " + shipment.tracking_url());
    if (const std::string date = DeliveryDateWords(shipment, language); !date.empty()) {
      lines.push_back(absl::StrCat(
          "  ", shipment.has_delivered_at() ? labels.delivered_on : labels.expected, ": ", date));
    }
    if (!shipment.carrier_status_text().empty()) {
      lines.push_back(
          absl::StrCat("  ", labels.latest_event, ": ", shipment.carrier_status_text()));
    }
    if (!order_id.empty()) lines.push_back(absl::StrCat("  ", labels.order, ": ", order_id));
  };
  bool any = false;
  for (const v1::Order& order : enrichment.orders()) {
    any = true;
    if (order.shipments().empty()) {
      lines.push_back(absl::StrCat(
          "- ", labels.order, ": ", order.order_id(), order.channel_status().empty() ? "" : " (",
          order.channel_status(), order.channel_status().empty() ? "" : ")"));
    }
    for (const v1::Shipment& shipment : order.shipments()) {
      shipment_lines(shipment, order.order_id());
    }
  }
  for (const v1::Shipment& shipment : enrichment.shipments()) {
    any = true;
    shipment_lines(shipment, "");
  }
  if (!any) lines.push_back(labels.nothing_found);
  if (!enrichment.flags().empty()) {
    lines.push_back("");
    lines.push_back(labels.flags);
    for (const v1::RiskFlag& flag : enrichment.flags()) {
      lines.push_back(absl::StrCat("- ", FlagWords(flag.kind(), language),
                                   flag.reason().empty() ? "" : ": ", flag.reason()));
    }
  }
  if (!enrichment.errors().empty()) {
    lines.push_back("");
    lines.push_back(labels.lookup_errors);
    for (const v1::LookupError& error : enrichment.errors()) {
      lines.push_back(absl::StrCat("- ", error.subject(), ": ", error.message()));
    }
  }
  if (enrichment.has_next_action() && !enrichment.next_action().summary().empty()) {
    lines.push_back("");
    lines.push_back(absl::StrCat(labels.next_action, ": ", enrichment.next_action().summary()));
    int number = 1;
    for (const std::string& step : enrichment.next_action().steps()) {
      lines.push_back(absl::StrCat(number++, ". ", step));
    }
  }
  if (enrichment.has_reply() && !enrichment.reply().body().empty()) {
    lines.push_back("");
    lines.push_back(absl::StrCat(labels.reply, " (", ReplyLanguage(enrichment, language), "):"));
    if (!enrichment.reply().subject().empty()) {
      lines.push_back(absl::StrCat(labels.subject, ": ", enrichment.reply().subject()));
    }
    for (const std::string& line : Lines(enrichment.reply().body())) lines.push_back(line);
  }
  return absl::StrCat(absl::StrJoin(lines, "\n"), "\n");
}

}  // namespace trackenrich::integrations
