#include "adapters/common/normalize.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"

namespace trackenrich::adapters {
namespace {

bool EarlierThan(const v1::TrackingEvent& a, const v1::TrackingEvent& b) {
  if (a.time().seconds() != b.time().seconds()) return a.time().seconds() < b.time().seconds();
  return a.time().nanos() < b.time().nanos();
}

// Length of the well-formed UTF-8 sequence `text` starts with (Unicode 15,
// table 3-7: no overlong forms, no surrogates, nothing past U+10FFFF); 0 if
// it starts with none.
size_t Utf8SequenceLength(absl::string_view text) {
  const auto lead = static_cast<unsigned char>(text[0]);
  if (lead < 0x80) return 1;
  size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (text.size() < length) return 0;
  const auto second = static_cast<unsigned char>(text[1]);
  if (second < low || second > high) return 0;
  for (size_t i = 2; i < length; ++i) {
    const auto next = static_cast<unsigned char>(text[i]);
    if (next < 0x80 || next > 0xBF) return 0;
  }
  return length;
}

// `text` with every byte that is not part of a well-formed sequence replaced
// by U+FFFD; false (and `text` untouched) when it was well-formed already.
bool RepairUtf8(std::string* text) {
  std::string repaired;
  size_t done = 0;
  for (size_t i = 0; i < text->size();) {
    const size_t length = Utf8SequenceLength(absl::string_view(*text).substr(i));
    if (length > 0) {
      i += length;
      continue;
    }
    repaired.append(*text, done, i - done);
    repaired.append("\xEF\xBF\xBD");
    done = ++i;
  }
  if (done == 0) return false;
  repaired.append(*text, done, std::string::npos);
  *text = std::move(repaired);
  return true;
}

// Repairs every string field of `message`, nested messages included.
void RepairStrings(google::protobuf::Message* message) {
  namespace pb = google::protobuf;
  const pb::Reflection* reflection = message->GetReflection();
  std::vector<const pb::FieldDescriptor*> fields;
  reflection->ListFields(*message, &fields);
  for (const pb::FieldDescriptor* field : fields) {
    if (field->type() == pb::FieldDescriptor::TYPE_STRING) {
      const int count = field->is_repeated() ? reflection->FieldSize(*message, field) : 1;
      for (int i = 0; i < count; ++i) {
        std::string text = field->is_repeated() ? reflection->GetRepeatedString(*message, field, i)
                                                : reflection->GetString(*message, field);
        if (!RepairUtf8(&text)) continue;
        if (field->is_repeated()) {
          reflection->SetRepeatedString(message, field, i, std::move(text));
        } else {
          reflection->SetString(message, field, std::move(text));
        }
      }
    } else if (field->cpp_type() == pb::FieldDescriptor::CPPTYPE_MESSAGE) {
      if (field->is_repeated()) {
        for (int i = 0; i < reflection->FieldSize(*message, field); ++i) {
          RepairStrings(reflection->MutableRepeatedMessage(message, field, i));
        }
      } else {
        RepairStrings(reflection->MutableMessage(message, field));
      }
    }
  }
}

}  // namespace

bool IsCarrierScan(v1::ShipmentState state) {
  switch (state) {
    case v1::SHIPMENT_STATE_UNSPECIFIED:
    case v1::SHIPMENT_STATE_NOT_FOUND:
    case v1::SHIPMENT_STATE_PENDING:
    case v1::SHIPMENT_STATE_LABEL_CREATED:
    case v1::SHIPMENT_STATE_CANCELLED:
      return false;
    default:
      return true;
  }
}

bool IsExceptionState(v1::ShipmentState state) {
  switch (state) {
    case v1::SHIPMENT_STATE_DELAYED:
    case v1::SHIPMENT_STATE_EXCEPTION:
    case v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED:
    case v1::SHIPMENT_STATE_RETURNING:
    case v1::SHIPMENT_STATE_RETURNED:
    case v1::SHIPMENT_STATE_LOST:
      return true;
    default:
      return false;
  }
}

void FinalizeShipment(v1::Shipment* shipment) {
  auto* events = shipment->mutable_events();
  std::stable_sort(events->begin(), events->end(), EarlierThan);

  shipment->clear_first_scan_at();
  shipment->clear_last_event_at();
  const v1::TrackingEvent* delivered = nullptr;
  for (const auto& event : *events) {
    if (!shipment->has_first_scan_at() && IsCarrierScan(event.state())) {
      *shipment->mutable_first_scan_at() = event.time();
    }
    if (event.state() == v1::SHIPMENT_STATE_DELIVERED && delivered == nullptr) delivered = &event;
  }
  if (!events->empty()) *shipment->mutable_last_event_at() = events->rbegin()->time();

  if (delivered != nullptr) {
    if (shipment->state() != v1::SHIPMENT_STATE_DELIVERED) {
      shipment->set_state(v1::SHIPMENT_STATE_DELIVERED);
      shipment->set_reason(v1::STATE_REASON_UNSPECIFIED);
      shipment->set_carrier_status_code(delivered->carrier_code());
      shipment->set_carrier_status_text(delivered->description());
    }
    if (!shipment->has_delivered_at()) *shipment->mutable_delivered_at() = delivered->time();
  }
  // Carrier text is not always UTF-8 (an XML reader passes Latin-1 bytes
  // through), and a proto3 string that is not fails the client's parse.
  RepairStrings(shipment);
}

}  // namespace trackenrich::adapters
