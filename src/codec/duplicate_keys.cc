#include "codec/duplicate_keys.h"

namespace sobremesa {

nlohmann::json::parser_callback_t DuplicateKeyCheck::Callback() {
  using Event = nlohmann::json::parse_event_t;
  return [this](int /*depth*/, Event event, nlohmann::json& parsed) {
    switch (event) {
      case Event::object_start:
      case Event::array_start:
        levels_.push_back({event == Event::object_start, {}, {}});
        break;
      case Event::object_end:
      case Event::array_end:
        if (!levels_.empty()) levels_.pop_back();
        break;
      case Event::key: {
        Level& level = levels_.back();
        level.last = parsed.get<std::string>();
        if (!level.keys.insert(level.last).second && duplicate_.empty()) {
          for (const Level& outer : levels_) {
            if (outer.object) duplicate_ += (duplicate_.empty() ? "" : ".") + outer.last;
          }
        }
        break;
      }
      case Event::value:
        break;
    }
    return true;
  };
}

Status DuplicateKeyCheck::status() const {
  if (duplicate_.empty()) return Status::Ok();
  return Status::InvalidArgument(duplicate_.substr(0, 200) +
                                 ": named twice in one JSON object (which value was meant is "
                                 "unclear; send it once)");
}

}  // namespace sobremesa
