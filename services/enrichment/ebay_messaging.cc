#include "services/enrichment/ebay_messaging.h"

namespace trackenrich::enrichment {

const std::vector<std::string>& OffEbayContactPhrases() {
  static const auto* const phrases = new std::vector<std::string>{
      // en
      "outside ebay", "outside of ebay", "off ebay", "not through ebay", "buy directly",
      "order directly", "purchase directly", "directly from us", "pay directly", "bank transfer",
      "paypal friends", "whatsapp", "telegram", "instagram", "facebook", "messenger", "wechat",
      "tiktok", "call us", "text us", "email us", "write to us at", "contact us at",
      "contact us on", "reach us at", "reach us on",
      // it
      "fuori da ebay", "al di fuori di ebay", "fuori ebay", "acquista direttamente",
      "ordina direttamente", "direttamente da noi", "paga direttamente", "bonifico", "chiamaci",
      "scrivici a", "scrivici su", "contattaci a", "contattaci su",
      // de
      "ausserhalb von ebay", "auserhalb von ebay", "ausserhalb ebay", "ohne ebay", "direkt bei uns",
      "direkt uber uns", "direkt kaufen", "direkt bestellen", "direkt bezahlen", "uberweisung",
      "rufen sie uns an", "schreiben sie uns an", "kontaktieren sie uns per",
      "kontaktieren sie uns uber", "erreichen sie uns per",
      // fr
      "en dehors d ebay", "en dehors de ebay", "hors ebay", "directement chez nous",
      "directement aupres de nous", "achetez directement", "commandez directement",
      "payez directement", "virement", "appelez nous", "ecrivez nous a", "ecrivez nous sur",
      "contactez nous a", "contactez nous sur", "contactez nous par",
      // es
      "fuera de ebay", "directamente con nosotros", "compre directamente", "compra directamente",
      "pida directamente", "pague directamente", "transferencia bancaria", "llamenos", "llamanos",
      "escribanos a", "escribenos a", "contactenos en", "contactanos en", "contactenos por",
      "contactanos por"};
  return *phrases;
}

}  // namespace trackenrich::enrichment
