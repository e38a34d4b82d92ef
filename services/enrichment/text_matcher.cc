#include "services/enrichment/text_matcher.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"

namespace trackenrich::enrichment {
namespace {

// The folded form of the Latin-1 letter U+00C0 + index (À..ÿ); "" for the two
// symbols in that range (× and ÷).
constexpr const char* kLatin1Folded[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};

bool IsApostrophe(absl::string_view text, size_t begin, size_t end) {
  const absl::string_view between = text.substr(begin, end - begin);
  return between == "'" || between == "\xE2\x80\x99";
}

}  // namespace

FoldedText::FoldedText(absl::string_view original) : original_(original) {
  std::string current;
  size_t current_begin = 0;
  auto close_word = [&](size_t end) {
    if (!current.empty()) words_.push_back({std::move(current), current_begin, end});
    current.clear();
  };
  auto append = [&](absl::string_view folded, size_t at) {
    if (folded.empty()) {
      close_word(at);
      return;
    }
    if (current.empty()) current_begin = at;
    current.append(folded.data(), folded.size());
  };
  const absl::string_view text = original_;
  for (size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      if (absl::ascii_isalnum(byte)) {
        const char lower = absl::ascii_tolower(byte);
        append(absl::string_view(&lower, 1), i);
      } else {
        close_word(i);
      }
      ++i;
      continue;
    }
    // A multi-byte UTF-8 sequence: fold Latin letters, split on the rest.
    size_t length = 1;
    if ((byte & 0xE0) == 0xC0) {
      length = 2;
    } else if ((byte & 0xF0) == 0xE0) {
      length = 3;
    } else if ((byte & 0xF8) == 0xF0) {
      length = 4;
    }
    if (i + length > text.size()) length = text.size() - i;
    const auto second = length > 1 ? static_cast<unsigned char>(text[i + 1]) : 0;
    if (byte == 0xC3 && second >= 0x80 && second <= 0xBF) {
      append(kLatin1Folded[second - 0x80], i);
    } else if (byte == 0xC5 && (second == 0x92 || second == 0x93)) {
      append("oe", i);  // Œ œ
    } else {
      close_word(i);
    }
    i += length;
  }
  close_word(text.size());

  // English contractions: "haven't" → "have" "not".
  for (size_t i = 0; i + 1 < words_.size(); ++i) {
    Word& word = words_[i];
    Word& next = words_[i + 1];
    if (next.text == "t" && word.text.size() > 1 && word.text.back() == 'n' &&
        IsApostrophe(text, word.end, next.begin)) {
      word.text.pop_back();
      next.text = "not";
    }
  }
}

absl::string_view FoldedText::Span(size_t first, size_t last) const {
  const size_t begin = words_[first].begin;
  return absl::string_view(original_).substr(begin, words_[last].end - begin);
}

PhraseMatcher::PhraseMatcher(const std::vector<std::string>& phrases) {
  for (const std::string& source : phrases) {
    Phrase phrase;
    phrase.source = source;
    for (absl::string_view part : absl::StrSplit(source, ' ', absl::SkipEmpty())) {
      Token token;
      int gap = 0;
      if (part.size() > 1 && part[0] == '+' && absl::SimpleAtoi(part.substr(1), &gap) && gap > 0) {
        // A gap needs a word on both sides.
        if (phrase.tokens.empty()) continue;
        token.max_gap = gap;
      } else if (part == "#") {
        token.number = true;
      } else if (part.back() == '*') {
        token.word = std::string(part.substr(0, part.size() - 1));
        token.prefix = true;
      } else {
        token.word = std::string(part);
      }
      phrase.tokens.push_back(std::move(token));
    }
    while (!phrase.tokens.empty() && phrase.tokens.back().max_gap > 0) phrase.tokens.pop_back();
    if (!phrase.tokens.empty()) phrases_.push_back(std::move(phrase));
  }
}

long PhraseMatcher::MatchAt(const Phrase& phrase, size_t token, const FoldedText& text,
                            size_t word) {
  const Token& current = phrase.tokens[token];
  if (current.max_gap > 0) {
    for (int skip = 0; skip <= current.max_gap; ++skip) {
      const long end = MatchAt(phrase, token + 1, text, word + skip);
      if (end >= 0) return end;
    }
    return -1;
  }
  const auto& words = text.words();
  if (word >= words.size()) return -1;
  const std::string& candidate = words[word].text;
  bool matches = false;
  if (current.number) {
    matches = std::all_of(candidate.begin(), candidate.end(), [](char c) {
      return absl::ascii_isdigit(static_cast<unsigned char>(c));
    });
  } else if (current.prefix) {
    matches = absl::StartsWith(candidate, current.word);
  } else {
    matches = candidate == current.word;
  }
  if (!matches) return -1;
  if (token + 1 == phrase.tokens.size()) return static_cast<long>(word);
  return MatchAt(phrase, token + 1, text, word + 1);
}

absl::optional<PhraseMatch> PhraseMatcher::Find(const FoldedText& text) const {
  for (size_t word = 0; word < text.words().size(); ++word) {
    for (const Phrase& phrase : phrases_) {
      const long end = MatchAt(phrase, 0, text, word);
      if (end >= 0) return PhraseMatch{phrase.source, word, static_cast<size_t>(end)};
    }
  }
  return absl::nullopt;
}

std::vector<PhraseMatch> PhraseMatcher::FindAll(const FoldedText& text) const {
  std::vector<PhraseMatch> matches;
  for (size_t word = 0; word < text.words().size(); ++word) {
    for (const Phrase& phrase : phrases_) {
      const long end = MatchAt(phrase, 0, text, word);
      if (end < 0) continue;
      matches.push_back({phrase.source, word, static_cast<size_t>(end)});
      word = static_cast<size_t>(end);
      break;
    }
  }
  return matches;
}

std::string FoldForMatching(absl::string_view text) {
  const FoldedText folded(text);
  std::string out;
  for (const auto& word : folded.words()) {
    if (!out.empty()) out.push_back(' ');
    out.append(word.text);
  }
  return out;
}

}  // namespace trackenrich::enrichment
