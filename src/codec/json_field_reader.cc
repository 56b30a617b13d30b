#include "codec/json_field_reader.h"

#include <algorithm>
#include <charconv>
#include <limits>

#include "common/utf8.h"

namespace sobremesa {
namespace {

using nlohmann::json;

// CSV cells often carry padding (", 4"); free text is kept exactly as given.
std::string_view TrimSpaces(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

size_t CountCodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

Status Expected(const std::string& what, const json& got) {
  return Status::InvalidArgument("expected " + what + ", got " + ShowJsonValue(got));
}

// Writes `v` compactly, but stops once `out` holds more than `max_bytes`:
// json::dump() would walk the whole value first, recursing once per level,
// so a body of 100,000 nested '[' overflowed the stack and took the server
// down. Stopping early bounds the depth reached by the length shown.
void AppendBoundedJson(const json& v, size_t max_bytes, std::string* out) {
  const auto dump = [](const json& scalar) {
    return scalar.dump(-1, ' ', false, json::error_handler_t::replace);
  };
  if (v.is_string() && v.get_ref<const std::string&>().size() > max_bytes) {
    // A cut inside a UTF-8 sequence is replaced by dump(), never thrown on.
    out->append(dump(v.get_ref<const std::string&>().substr(0, max_bytes)));
  } else if (v.is_array() || v.is_object()) {
    out->push_back(v.is_array() ? '[' : '{');
    bool first = true;
    for (auto it = v.begin(); it != v.end() && out->size() <= max_bytes; ++it) {
      if (!first) out->push_back(',');
      first = false;
      if (v.is_object()) out->append(dump(it.key())).push_back(':');
      AppendBoundedJson(*it, max_bytes, out);
    }
    out->push_back(v.is_array() ? ']' : '}');
  } else {
    out->append(dump(v));
  }
}

}  // namespace

std::string ShowJsonValue(const json& v) {
  // 40 code points take at most 160 bytes.
  std::string shown;
  AppendBoundedJson(v, 160, &shown);
  if (CountCodePoints(shown) <= 40) return shown;
  size_t cut = 37;
  while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) --cut;
  return shown.substr(0, cut) + "...";
}

Status CheckText(std::string_view text, size_t max_chars) {
  RETURN_IF_ERROR(ValidateUtf8(text, "value"));
  const size_t chars = CountCodePoints(text);
  if (chars > max_chars) {
    return Status::InvalidArgument("longer than " + std::to_string(max_chars) + " characters (" +
                                   std::to_string(chars) + ")");
  }
  return Status::Ok();
}

JsonFieldReader::JsonFieldReader(const json& object, const JsonReadOptions& options)
    : object_(object), options_(options) {
  if (!object_.is_object()) status_ = Expected("a JSON object", object_);
}

const json* JsonFieldReader::Find(std::string_view field) const {
  if (!object_.is_object()) return nullptr;
  if (options_.unknown_fields != UnknownFields::kIgnore && !Asked(field)) {
    asked_.emplace_back(field);
  }
  const json* v = nullptr;
  const auto dot = field.find('.');
  const auto outer =
      dot == std::string_view::npos ? object_.end() : object_.find(field.substr(0, dot));
  if (outer != object_.end() && outer->is_object()) {
    const auto inner = outer->find(field.substr(dot + 1));
    if (inner != outer->end()) v = &*inner;
  } else if (const auto it = object_.find(field); it != object_.end()) {
    v = &*it;
  }
  if (v == nullptr || v->is_null()) return nullptr;
  if (options_.text_values && v->is_string() && v->get_ref<const std::string&>().empty()) {
    return nullptr;
  }
  return v;
}

const json* JsonFieldReader::NonObjectParent(std::string_view field) const {
  const auto dot = field.find('.');
  if (dot == std::string_view::npos || !object_.is_object()) return nullptr;
  const auto outer = object_.find(field.substr(0, dot));
  if (outer == object_.end() || outer->is_null() || outer->is_object()) return nullptr;
  return &*outer;
}

std::string JsonFieldReader::ExpectedObject(const json& got) {
  return Expected("an object", got).message();
}

bool JsonFieldReader::Asked(std::string_view field) const {
  return std::find(asked_.begin(), asked_.end(), field) != asked_.end();
}

bool JsonFieldReader::AskedUnder(std::string_view parent) const {
  return std::any_of(asked_.begin(), asked_.end(), [parent](const std::string& f) {
    return f.size() > parent.size() && f.starts_with(parent) && f[parent.size()] == '.';
  });
}

std::vector<std::string> JsonFieldReader::UnreadFields() const {
  std::vector<std::string> unread;
  if (options_.unknown_fields == UnknownFields::kIgnore || !object_.is_object()) return unread;
  for (const auto& [key, value] : object_.items()) {
    // "consent": {...} holds the fields "consent.<name>"; null is absent.
    if (AskedUnder(key) && (value.is_object() || value.is_null())) {
      if (!value.is_object()) continue;
      for (const auto& item : value.items()) {
        std::string field = key + "." + item.key();
        if (!Asked(field)) unread.push_back(std::move(field));
      }
    } else if (!Asked(key)) {
      unread.push_back(key);
    }
  }
  return unread;
}

void JsonFieldReader::RejectUnreadFields() {
  if (!status_.ok() || options_.unknown_fields != UnknownFields::kReject) return;
  const std::vector<std::string> unread = UnreadFields();
  if (unread.empty()) return;
  std::string known;
  for (const std::string& f : asked_) known += (known.empty() ? "" : ", ") + f;
  // A key is the client's text: a long one is shown cut, like a value.
  const std::string& key = unread.front();
  Fail(key.size() <= 60 ? key : ShowJsonValue(json(key)),
       "unknown field (the fields are " + known + ")");
}

void JsonFieldReader::Fail(std::string_view field, const std::string& reason) {
  if (status_.ok()) status_ = Status::InvalidArgument(std::string(field) + ": " + reason);
}

void JsonFieldReader::Text(std::string_view field, size_t max_chars, std::string* out, Need need) {
  Read(field, need, out, [&](const json& v) -> StatusOr<std::string> {
    if (!v.is_string()) return Expected("a string", v);
    const auto& s = v.get_ref<const std::string&>();
    RETURN_IF_ERROR(CheckText(s, max_chars));
    if (s.empty() && need == Need::kRequired) return Status::InvalidArgument("must not be empty");
    return s;
  });
}

void JsonFieldReader::TextList(std::string_view field, size_t max_chars,
                               std::vector<std::string>* out) {
  Read(field, Need::kOptional, out, [&](const json& v) { return ParseList(v, max_chars); });
}

void JsonFieldReader::Bool(std::string_view field, bool* out) {
  Read(field, Need::kOptional, out, [&](const json& v) -> StatusOr<bool> {
    if (v.is_boolean()) return v.get<bool>();
    if (options_.text_values && v.is_string()) {
      const std::string_view s = TrimSpaces(v.get_ref<const std::string&>());
      if (s == "true" || s == "1") return true;
      if (s == "false" || s == "0") return false;
    }
    return Expected("true or false", v);
  });
}

void JsonFieldReader::Money(std::string_view field, Centimos* out, Need need) {
  const std::string cents_field = std::string(field) + "_centimos";
  if (!status_.ok()) return;
  if (need == Need::kRequired && !Has(field) && !Has(cents_field)) {
    return Fail(field, "required (or " + cents_field + ")");
  }
  std::optional<Centimos> soles, cents;
  Read(field, Need::kOptional, &soles, [&](const json& v) { return ParseSolesValue(v); });
  Read(cents_field, Need::kOptional, &cents, [&](const json& v) { return ParseInteger(v); });
  if (!status_.ok()) return;
  if (cents && *cents < 0) return Fail(cents_field, "must not be negative");
  if (cents && *cents > kMaxCentimos) {
    return Fail(cents_field, "too large (at most " + std::to_string(kMaxCentimos) + ")");
  }
  if (soles && *soles > kMaxCentimos) {
    return Fail(field, "too large (at most " + FormatSoles(kMaxCentimos) + ")");
  }
  if (soles && cents && *soles != *cents) {
    return Fail(field, FormatSoles(*soles) + " disagrees with " + cents_field + " " +
                           std::to_string(*cents));
  }
  if (soles || cents) *out = soles ? *soles : *cents;
}

StatusOr<std::int64_t> JsonFieldReader::ParseInteger(const json& v) const {
  if (v.is_number_unsigned()) {
    if (v.get<std::uint64_t>() > std::uint64_t(std::numeric_limits<std::int64_t>::max())) {
      return Expected("an integer", v);
    }
    return static_cast<std::int64_t>(v.get<std::uint64_t>());
  }
  if (v.is_number_integer()) return v.get<std::int64_t>();
  if (options_.text_values && v.is_string()) {
    const std::string_view s = TrimSpaces(v.get_ref<const std::string&>());
    std::int64_t n = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec == std::errc() && end == s.data() + s.size() && !s.empty()) return n;
  }
  return Expected("an integer", v);
}

StatusOr<int> JsonFieldReader::ParseInt(const json& v, int min, int max) const {
  StatusOr<std::int64_t> n = ParseInteger(v);
  if (!n.ok() || *n < min || *n > max) {
    return Expected("an integer from " + std::to_string(min) + " to " + std::to_string(max), v);
  }
  return static_cast<int>(*n);
}

StatusOr<std::int64_t> JsonFieldReader::ParseId(const json& v) const {
  StatusOr<std::int64_t> n = ParseInteger(v);
  if (!n.ok() || *n < 1) return Expected("a positive integer id", v);
  return *n;
}

StatusOr<UnixSeconds> JsonFieldReader::ParseTime(const json& v) const {
  if (!v.is_string()) return Expected("an ISO 8601 time like \"2026-11-27T20:15\"", v);
  const auto& s = v.get_ref<const std::string&>();
  RETURN_IF_ERROR(CheckText(s, kMaxKeyChars));
  return ParseTimestamp(TrimSpaces(s));
}

StatusOr<Centimos> JsonFieldReader::ParseSolesValue(const json& v) const {
  // A JSON number is read from its shortest decimal form (45.5 -> "45.5"), so
  // binary floating point never rounds a price.
  if (v.is_number()) return ParseSoles(v.dump());
  if (!v.is_string()) return Expected("an amount in soles like \"45.50\"", v);
  const auto& s = v.get_ref<const std::string&>();
  RETURN_IF_ERROR(CheckText(s, kMaxKeyChars));
  return ParseSoles(TrimSpaces(s));
}

StatusOr<std::string> JsonFieldReader::ParseCode(const json& v) const {
  if (!v.is_string()) return Expected("a code", v);
  const auto& s = v.get_ref<const std::string&>();
  RETURN_IF_ERROR(CheckText(s, kMaxKeyChars));
  return std::string(TrimSpaces(s));
}

StatusOr<std::vector<std::string>> JsonFieldReader::ParseList(const json& v,
                                                              size_t max_chars) const {
  std::vector<std::string> items;
  if (v.is_array()) {
    for (const json& item : v) {
      if (!item.is_string()) return Expected("a list of strings", v);
      items.push_back(item.get<std::string>());
    }
  } else if (options_.text_values && v.is_string()) {
    std::string_view rest = v.get_ref<const std::string&>();
    while (!rest.empty()) {
      const auto semi = rest.find(';');
      const std::string_view item = TrimSpaces(rest.substr(0, semi));
      if (!item.empty()) items.emplace_back(item);
      rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
    }
  } else {
    return Expected(options_.text_values ? "a list like \"a; b\"" : "a list of strings", v);
  }
  if (items.size() > kMaxListItems) {
    return Status::InvalidArgument("more than " + std::to_string(kMaxListItems) + " items");
  }
  for (size_t i = 0; i < items.size(); ++i) {
    Status s = CheckText(items[i], max_chars);
    if (!s.ok()) return s.WithContext("item " + std::to_string(i + 1));
  }
  return items;
}

}  // namespace sobremesa
