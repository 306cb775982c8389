-- The feed, and the API's sort=updated and since=, read statements of one state by
-- their last update, latest first (issue 17): walked in this index's order rather than
-- sorted from every statement in the state.
CREATE INDEX statements_updated ON statements(state, updated_at);
