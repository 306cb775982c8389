package classify

import (
	"encoding/json"
	"strings"

	"github.com/liaisond/liaisond/message"
)

// Input is what Extract reads: the parsed message, the text of each of its attachments and
// the envelope recipient.
type Input struct {
	Message *message.Message
	// Attachments holds one entry per Message.Attachments, in the same order (the pipeline
	// or the CLI fills it with convert.Text). Missing entries count as attachments without
	// text.
	Attachments []AttachmentText
	// Rcpt is the envelope recipient (SMTP/LMTP RCPT, --rcpt, the IMAP mailbox's address);
	// "" when unknown, and delivered_to then comes from the Delivered-To/X-Original-To
	// headers.
	Rcpt string
}

// AttachmentText is the converted text of one attachment.
type AttachmentText struct {
	Text string
	Kind string // convert.Result.Kind: "pdf", "docx", "rtf", ... or ""
	Err  error  // conversion error; the attachment is then read as having no text
}

// Extraction is the result of Extract: the `liaisond extract` JSON contract of docs/design.md.
// Field order and names are the contract; lists are never null and absent scalars are null.
type Extraction struct {
	IsLiaison  bool    `json:"is_liaison"`
	Confidence float64 `json:"confidence"`
	Metadata
	Attachments []AttachmentInfo    `json:"attachments"`
	Evidence    map[string]Evidence `json:"evidence"`
	Warnings    []string            `json:"warnings"`

	// ReplyKeys are the keys by which the store links the statement to the earlier one it
	// answers, most specific first; SelfKeys those under which later replies find it. Not
	// part of the contract.
	ReplyKeys []string `json:"-"`
	SelfKeys  []string `json:"-"`
}

// SetKeys sets ReplyKeys and SelfKeys from the fields and the message m. Extract does;
// a caller that builds an Extraction itself (the record of a statement the IETF sends)
// calls it so that replies find that statement too.
func (x *Extraction) SetKeys(m *message.Message) {
	x.ReplyKeys, x.SelfKeys = replyKeys(x, m), selfKeys(x, m)
}

// Metadata are the statement's fields of the draft's model, as the contract names them:
// what a liaison manager reviews and edits (the review package embeds it too).
type Metadata struct {
	Title            *string  `json:"title"`
	From             []string `json:"from"`
	FromContacts     []string `json:"from_contacts"`
	SendReplyTo      *string  `json:"send_reply_to"`
	To               []string `json:"to"`
	ToContacts       []string `json:"to_contacts"`
	SendTo           *string  `json:"send_to"`
	Purpose          *string  `json:"purpose"`
	Deadline         *string  `json:"deadline"`
	InResponseTo     *string  `json:"in_response_to"`
	OtherIdentifiers []string `json:"other_identifiers"`
	DeliveredTo      *string  `json:"delivered_to"`
	Misdirected      bool     `json:"misdirected"`
	RouteTo          []string `json:"route_to"`
}

// Evidence says how sure the extractor is of one field and where the value came from.
type Evidence struct {
	Confidence float64 `json:"confidence"`
	// Source names the place: "attachment C4-2601422.docx, line 5 'Title:'", "body line 12
	// (prose)", "header To", "default".
	// A source that names no place but says why there is no value (or how one was
	// inferred) starts with one of noPlace: "not found: ...", "default: ...".
	Source string `json:"source"`
	// Raw is the text as written (a date before normalisation, a label's value).
	Raw string `json:"raw"`
}

// noPlace are the starts of the sources that name no place.
var noPlace = []string{"not ", "no ", "none", "default", "unknown", "delivered to", "delivery address"}

// Where says for a reader where the value came from: "found in <place>", or the source
// as it is when it names no place ("not found: no reply date in the text"), never
// "found in not found".
func (e Evidence) Where() string {
	if e.Source == "" {
		return "no source recorded"
	}
	for _, p := range noPlace {
		if strings.HasPrefix(e.Source, p) {
			return e.Source
		}
	}
	return "found in " + e.Source
}

// Describe is Where with the text as written: "found in body, line 3: 'reply by ...'".
func (e Evidence) Describe() string {
	if e.Raw != "" {
		return e.Where() + ": '" + e.Raw + "'"
	}
	return e.Where()
}

// AttachmentInfo describes one attachment of the message (anywhere in its MIME tree).
type AttachmentInfo struct {
	Filename    string    `json:"filename"`
	ContentType string    `json:"content_type"`
	Size        int64     `json:"size"`
	SHA256      string    `json:"sha256"`
	TextChars   int       `json:"text_chars"`
	Derived     []Derived `json:"derived"`
	// Statement marks the attachment that is the statement (the IAB's guidance: when a
	// statement comes as an attachment, the attachment is the statement and the mail that
	// carries it is not): the one most of the statement's fields were read from.
	Statement bool `json:"statement,omitempty"`
}

// IsStatementFile reports whether the attachment with this SHA-256 digest is the
// statement, by the extraction's attachments (by content: the same file attached twice
// is the statement twice).
func IsStatementFile(infos []AttachmentInfo, sha256 string) bool {
	for _, a := range infos {
		if a.Statement && a.SHA256 == sha256 {
			return true
		}
	}
	return false
}

// Derived is a file made from an attachment (its PDF rendering); the pipeline fills it.
type Derived struct {
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
	SHA256      string `json:"sha256"`
}

// The field names of the contract: the JSON names of Fields, the keys of Evidence, the
// names managers edit (package review), the labels of the pages (package web). Every
// package names a field by these; TestFieldNames keeps them equal to the JSON tags.
const (
	FieldIsLiaison        = "is_liaison"
	FieldTitle            = "title"
	FieldFrom             = "from"
	FieldFromContacts     = "from_contacts"
	FieldSendReplyTo      = "send_reply_to"
	FieldTo               = "to"
	FieldToContacts       = "to_contacts"
	FieldSendTo           = "send_to"
	FieldPurpose          = "purpose"
	FieldDeadline         = "deadline"
	FieldInResponseTo     = "in_response_to"
	FieldOtherIdentifiers = "other_identifiers"
	FieldDeliveredTo      = "delivered_to"
	FieldMisdirected      = "misdirected"
	FieldRouteTo          = "route_to"
	FieldAttachments      = "attachments"
)

// fieldNames are the field names of the contract, in contract order; Evidence has an
// entry for each.
var fieldNames = []string{
	FieldIsLiaison, FieldTitle, FieldFrom, FieldFromContacts, FieldSendReplyTo, FieldTo, FieldToContacts,
	FieldSendTo, FieldPurpose, FieldDeadline, FieldInResponseTo, FieldOtherIdentifiers, FieldDeliveredTo,
	FieldMisdirected, FieldRouteTo, FieldAttachments,
}

// ListFields are the fields of Metadata that hold lists, in contract order.
var ListFields = []string{FieldFrom, FieldFromContacts, FieldTo, FieldToContacts, FieldOtherIdentifiers, FieldRouteTo}

// CoreFields are the fields whose errors matter most: they decide posting and routing.
var CoreFields = []string{FieldTitle, FieldFrom, FieldTo, FieldPurpose, FieldDeadline, FieldMisdirected}

// Fields are the contract fields of a statement as the record keeps them: the
// extraction without its confidence and evidence (what managers edit, and the evidence is
// kept apart). The store holds them as JSON.
type Fields struct {
	IsLiaison bool `json:"is_liaison"`
	Metadata
	Attachments []AttachmentInfo `json:"attachments"`
	Warnings    []string         `json:"warnings"`
}

// Split separates the contract fields from the evidence, both in their contract form
// (lists never null).
func (x Extraction) Split() (Fields, map[string]Evidence) {
	x.normalize()
	return Fields{IsLiaison: x.IsLiaison, Metadata: x.Metadata, Attachments: x.Attachments, Warnings: x.Warnings}, x.Evidence
}

// Purpose values.
const (
	PurposeInformation = "information"
	PurposeAction      = "action"
	PurposeResponse    = "response"
)

// MarshalJSON writes the contract form: nil lists as [] and a nil evidence map as {}.
func (x Extraction) MarshalJSON() ([]byte, error) {
	x.normalize()
	type plain Extraction // without the method, so Marshal does not recurse
	return json.Marshal(plain(x))
}

// MarshalJSON writes an empty Derived list as [].
func (a AttachmentInfo) MarshalJSON() ([]byte, error) {
	if a.Derived == nil {
		a.Derived = []Derived{}
	}
	type plain AttachmentInfo
	return json.Marshal(plain(a))
}

// normalize replaces nil lists and maps by empty ones.
func (x *Extraction) normalize() {
	x.Metadata.Clean()
	for _, l := range []*[]string{&x.From, &x.FromContacts, &x.To, &x.ToContacts, &x.OtherIdentifiers, &x.RouteTo, &x.Warnings} {
		if *l == nil {
			*l = []string{}
		}
	}
	if x.Attachments == nil {
		x.Attachments = []AttachmentInfo{}
	}
	for i := range x.Attachments {
		if x.Attachments[i].Derived == nil {
			x.Attachments[i].Derived = []Derived{}
		}
	}
	if x.Evidence == nil {
		x.Evidence = map[string]Evidence{}
	}
}

// Clean passes every text field through message.CleanText (no control or bidi override
// characters: a title "LS\u202Efdp.exe" must not read as "LSexe.pdf" anywhere it is
// shown), dropping values left empty.
func (m *Metadata) Clean() {
	for _, p := range []**string{&m.Title, &m.SendReplyTo, &m.SendTo, &m.Purpose, &m.Deadline, &m.InResponseTo, &m.DeliveredTo} {
		if *p != nil {
			*p = strp(strings.TrimSpace(message.CleanText(**p)))
		}
	}
	for _, l := range []*[]string{&m.From, &m.FromContacts, &m.To, &m.ToContacts, &m.OtherIdentifiers, &m.RouteTo} {
		if *l == nil {
			continue
		}
		out := (*l)[:0]
		for _, v := range *l {
			if v = strings.TrimSpace(message.CleanText(v)); v != "" {
				out = append(out, v)
			}
		}
		*l = out
	}
}

func strp(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
