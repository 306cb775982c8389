package review

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/liaisond/liaisond/classify"
	"github.com/liaisond/liaisond/store"
)

// ErrNoChange says an edit would not change anything.
var ErrNoChange = errors.New("nothing changed")

// EditableFields are the contract fields (classify.Field*) a manager may set, in the
// order forms and `liaisond edit` show them.
var EditableFields = []string{
	classify.FieldTitle, classify.FieldFrom, classify.FieldFromContacts, classify.FieldSendReplyTo, classify.FieldTo,
	classify.FieldToContacts, classify.FieldSendTo, classify.FieldPurpose, classify.FieldDeadline,
	classify.FieldInResponseTo, classify.FieldOtherIdentifiers, classify.FieldMisdirected, classify.FieldRouteTo,
	classify.FieldIsLiaison,
}

// ListFields are the fields holding lists; their values are written comma- or
// line-separated.
var ListFields = classify.ListFields

// Purposes are the values of purpose.
var Purposes = []string{classify.PurposeInformation, classify.PurposeAction, classify.PurposeResponse}

// Edit sets fields of a statement from text values (FIELD=VALUE on the command line, a
// form on the web): lists comma- or line-separated, "" for null or empty. Values equal
// to the current ones are left out; ErrNoChange when nothing is left. knownGroups is the
// directory, which route_to names must come from.
func Edit(ctx context.Context, db *store.DB, id int64, actor string, values map[string]string, knownGroups []string) error {
	st, err := get(ctx, db, id)
	if err != nil {
		return err
	}
	e, _, err := prepareEdit(st, values, knownGroups)
	if err != nil {
		return err
	}
	if len(e.Values) == 0 {
		return ErrNoChange
	}
	return db.EditStatement(ctx, id, actor, e.Values, e.Promoted)
}

// prepareEdit checks values against st and returns the change (no Values when nothing
// changes) and the fields as they will be.
func prepareEdit(st store.Statement, values map[string]string, knownGroups []string) (store.StatementEdit, Fields, error) {
	cur := DecodeFields(st)
	next := cur
	for name, text := range values {
		if err := setField(&next, name, text, knownGroups); err != nil {
			return store.StatementEdit{}, cur, err
		}
	}
	changed, err := changedFields(cur, next)
	if err != nil || len(changed) == 0 {
		return store.StatementEdit{}, next, err
	}
	return store.StatementEdit{Values: changed, Promoted: store.StatementRecord{Title: Str(next.Title),
		Purpose: Str(next.Purpose), Deadline: Str(next.Deadline), From: next.From, To: next.To}}, next, nil
}

// changedFields returns the JSON values of the fields that differ.
func changedFields(cur, next Fields) (map[string]json.RawMessage, error) {
	a, err := fieldMap(cur)
	if err != nil {
		return nil, err
	}
	b, err := fieldMap(next)
	if err != nil {
		return nil, err
	}
	out := map[string]json.RawMessage{}
	for k, v := range b {
		if string(a[k]) != string(v) {
			out[k] = v
		}
	}
	return out, nil
}

func fieldMap(f Fields) (map[string]json.RawMessage, error) {
	b, err := json.Marshal(f)
	if err != nil {
		return nil, err
	}
	var m map[string]json.RawMessage
	err = json.Unmarshal(b, &m)
	return m, err
}

// setField parses and checks one value into f.
func setField(f *Fields, name, text string, knownGroups []string) error {
	if !slices.Contains(EditableFields, name) {
		return fmt.Errorf("unknown field %q (fields: %s): %w", name, strings.Join(EditableFields, ", "), ErrInvalid)
	}
	text = strings.TrimSpace(text)
	if slices.Contains(ListFields, name) {
		return setList(f, name, splitList(text), knownGroups)
	}
	text = CleanLine(text)
	switch name {
	case classify.FieldMisdirected, classify.FieldIsLiaison:
		b, err := parseBool(name, text)
		if err != nil {
			return err
		}
		if name == classify.FieldMisdirected {
			f.Misdirected = b
		} else {
			f.IsLiaison = b
		}
		return nil
	case classify.FieldPurpose:
		text = strings.ToLower(text)
		if text != "" && !slices.Contains(Purposes, text) {
			return fmt.Errorf("purpose %q: want %s, or empty: %w", text, strings.Join(Purposes, ", "), ErrInvalid)
		}
		f.Purpose = optional(text)
	case classify.FieldDeadline:
		if text != "" {
			if _, err := time.Parse(time.DateOnly, text); err != nil {
				return fmt.Errorf("deadline %q: want YYYY-MM-DD, or empty: %w", text, ErrInvalid)
			}
		}
		f.Deadline = optional(text)
	case classify.FieldSendReplyTo, classify.FieldSendTo:
		if text != "" && !looksLikeAddress(text) {
			return fmt.Errorf("%s %q is not an address: %w", name, text, ErrInvalid)
		}
		if name == classify.FieldSendTo {
			f.SendTo = optional(text)
		} else {
			f.SendReplyTo = optional(text)
		}
	case classify.FieldTitle:
		f.Title = optional(text)
	case classify.FieldInResponseTo:
		f.InResponseTo = optional(text)
	}
	return nil
}

func setList(f *Fields, name string, items []string, knownGroups []string) error {
	switch name {
	case classify.FieldFromContacts, classify.FieldToContacts:
		for _, a := range items {
			if !looksLikeAddress(a) {
				return fmt.Errorf("%s: %q is not an address: %w", name, a, ErrInvalid)
			}
		}
	case classify.FieldRouteTo:
		canon, err := canonicalGroups(items, knownGroups)
		if err != nil {
			return err
		}
		items = canon
	}
	if items == nil {
		items = []string{}
	}
	*listField(f, name) = items
	return nil
}

// listField points at the list field called name, nil for other names.
func listField(f *Fields, name string) *[]string {
	switch name {
	case classify.FieldFrom:
		return &f.From
	case classify.FieldFromContacts:
		return &f.FromContacts
	case classify.FieldTo:
		return &f.To
	case classify.FieldToContacts:
		return &f.ToContacts
	case classify.FieldOtherIdentifiers:
		return &f.OtherIdentifiers
	case classify.FieldRouteTo:
		return &f.RouteTo
	}
	return nil
}

// splitList splits on line ends and commas, dropping empty items and repeats.
func splitList(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		for _, item := range strings.Split(line, ",") {
			if item = CleanLine(item); item != "" && !slices.Contains(out, item) {
				out = append(out, item)
			}
		}
	}
	return out
}

func parseBool(name, text string) (bool, error) {
	switch strings.ToLower(text) {
	case "true", "yes", "1", "on":
		return true, nil
	case "false", "no", "0", "", "off":
		return false, nil
	}
	return false, fmt.Errorf("%s %q: want true or false: %w", name, text, ErrInvalid)
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// looksLikeAddress is a plausibility check for a reviewer's typing, not a validator: the
// addresses are recorded data, never a destination (forwards go to configured addresses).
func looksLikeAddress(s string) bool {
	at := strings.LastIndexByte(s, '@')
	return at > 0 && at < len(s)-1 && !strings.ContainsAny(s, " \t<>,;\"")
}

// FormValue is how a field's current value is written in a form or FIELD=VALUE: lists
// one item per line (sep) and null as "".
func FormValue(f Fields, name, sep string) string {
	switch name {
	case classify.FieldTitle:
		return Str(f.Title)
	case classify.FieldSendReplyTo:
		return Str(f.SendReplyTo)
	case classify.FieldSendTo:
		return Str(f.SendTo)
	case classify.FieldPurpose:
		return Str(f.Purpose)
	case classify.FieldDeadline:
		return Str(f.Deadline)
	case classify.FieldInResponseTo:
		return Str(f.InResponseTo)
	case classify.FieldDeliveredTo:
		return Str(f.DeliveredTo)
	case classify.FieldMisdirected:
		return fmt.Sprint(f.Misdirected)
	case classify.FieldIsLiaison:
		return fmt.Sprint(f.IsLiaison)
	}
	if l := listField(&f, name); l != nil {
		return strings.Join(*l, sep)
	}
	return ""
}
