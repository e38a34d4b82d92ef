// Check-digit algorithms of the tracking-number formats carrier detection
// knows. Each function is pure: it takes the payload (the characters the check
// digit is computed over, without the check digit) and returns the check digit
// the payload calls for, or -1 when the payload is empty or holds a character
// the algorithm cannot weigh.
//
//   Mod10CheckDigit("999AA1012345678", kUpsWeights);  // 4: UPS 1Z999AA10123456784
//   S10CheckDigit("12345678");                          // 5: RB123456785GB
//   FedExMod11CheckDigit("98657878885");                // 5: FedEx 986578788855
//
// Facts (weights, moduli, worked numbers) follow the MIT-licensed
// jkeen/tracking_number_data dataset, GS1 General Specifications §7.9 and the
// UPU S10 standard.
#ifndef TRACKENRICH_ADAPTERS_DETECTION_CHECK_DIGITS_H_
#define TRACKENRICH_ADAPTERS_DETECTION_CHECK_DIGITS_H_

#include "absl/strings/string_view.h"

namespace trackenrich::detection {

// Weights of an alternating mod 10 scheme, counted from the right end of the
// payload: the character next to the check digit is multiplied by `rightmost`,
// the one before it by `next`, the one before that by `rightmost` again, and so
// on. Counting from the right keeps GS1 correct for payloads of any length.
struct Mod10Weights {
  int rightmost = 3;
  int next = 1;
};

// GS1 (SSCC-18, USPS IMpb and legacy, FedEx Ground, Canada Post).
inline constexpr Mod10Weights kGs1Weights{.rightmost = 3, .next = 1};
// UPS 1Z (15-character payload) and UPS waybill (9-digit payload).
inline constexpr Mod10Weights kUpsWeights{.rightmost = 1, .next = 2};
// OnTrac (14-character payload: the C or D prefix and 13 digits).
inline constexpr Mod10Weights kOnTracWeights{.rightmost = 2, .next = 1};

// The value of one character in the mod 10 schemes: a digit counts as itself;
// a letter as UPS converts it, (letter - 'A' + 2) mod 10, so A=2, H=9, I=0,
// S=0, Z=7 (which is also how OnTrac's C and D prefixes count, as 4 and 5).
// Returns -1 for anything but [0-9A-Z].
int Mod10CharacterValue(char c);

// Weighted sum of the payload's character values (see Mod10Weights); the
// check digit brings the sum to a multiple of 10. Products are added whole,
// without summing their digits (this is not Luhn).
int Mod10CheckDigit(absl::string_view payload, Mod10Weights weights);

// DHL Express air waybills: the payload digits read as one number, modulo 7.
int Mod7CheckDigit(absl::string_view payload);

// FedEx Express: digits weighted 1, 3, 7, 1, 3, 7, ... from the right, the sum
// taken modulo 11 and then modulo 10 (a remainder of 10 gives 0).
int FedExMod11CheckDigit(absl::string_view payload);

// UPU S10: the eight serial digits weighted 8 6 4 2 3 5 9 7, then
// 11 - (sum mod 11), where 10 becomes 0 and 11 becomes 5. Returns -1 unless
// the serial is exactly eight digits.
int S10CheckDigit(absl::string_view serial);

// ISO/IEC 7064 MOD 37,36 (the hybrid system over 0-9A-Z) as DPD uses it for
// parcel numbers. Returns the check character ('0'-'9' or 'A'-'Z'), or '\0'
// when the payload is empty or holds a character outside [0-9A-Z].
char Iso7064Mod3736CheckCharacter(absl::string_view payload);

// Check predicates for TrackingNumberFormat::check: each takes `checked`, the
// payload followed by its check digit, and says whether the digit is right.
//   HasGs1CheckDigit("00340434161094015902");  // true
bool HasMod10CheckDigit(absl::string_view checked, Mod10Weights weights);
bool HasGs1CheckDigit(absl::string_view checked);
// GS1 over `implied` + `checked`: some numbers drop an application
// identifier from print that their check digit still covers.
bool HasGs1CheckDigitWithImpliedPrefix(absl::string_view implied, absl::string_view checked);
bool HasMod7CheckDigit(absl::string_view checked);
bool HasFedExMod11CheckDigit(absl::string_view checked);
// `checked` is the eight S10 serial digits and the check digit.
bool HasS10CheckDigit(absl::string_view checked);

}  // namespace trackenrich::detection

#endif  // TRACKENRICH_ADAPTERS_DETECTION_CHECK_DIGITS_H_
