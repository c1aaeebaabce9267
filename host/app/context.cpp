#include "app/context.hpp"

#include "app/lexicon_loader.hpp"
#include "app/settings_json.hpp"

namespace vigie::app {

context::settings_snapshot& context::snapshot() {
  const auto version = db.data_version();
  if (settings_ && settings_->data_version == version) return *settings_;
  settings_snapshot fresh{load_settings(db), std::nullopt, version};
  // Assigned in place, not re-created: a reference a caller holds from
  // settings() or lexicons() stays valid across a reload.
  if (settings_) *settings_ = std::move(fresh);
  else settings_.emplace(std::move(fresh));
  return *settings_;
}

const domain::settings& context::settings() { return snapshot().values; }

const domain::lexicon_set& context::lexicons() {
  auto& s = snapshot();
  if (!s.lexicons) s.lexicons = with_overrides(shipped_lexicons(), settings_json(s.values));
  return *s.lexicons;
}

}  // namespace vigie::app
