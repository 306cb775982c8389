package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"
)

// PDF conversion states of an attachment.
const (
	PDFNone    = "none"    // not a format that is converted
	PDFPending = "pending" // waiting for (or retrying) the converter
	PDFDone    = "done"
	PDFFailed  = "failed" // gave up; see PDFError
)

// Attachment is one stored attachment.
type Attachment struct {
	ID           int64  `json:"-"`
	Message      int64  `json:"-"`
	Seq          int    `json:"-"`
	MIMEPath     string `json:"mime_path,omitempty"`
	Filename     string `json:"filename"`
	DeclaredType string `json:"content_type"`
	DetectedType string `json:"detected_type,omitempty"`
	Kind         string `json:"kind,omitempty"`
	Size         int64  `json:"size"`
	SHA256       string `json:"sha256"`
	Text         string `json:"-"`
	TextError    string `json:"text_error,omitempty"`
	PDFSHA256    string `json:"pdf_sha256,omitempty"`
	PDFSize      int64  `json:"pdf_size,omitempty"`
	PDFState     string `json:"pdf_state"`
	PDFError     string `json:"pdf_error,omitempty"`
	// Data is the file itself when saving; it is not loaded by listings.
	Data []byte `json:"-"`
}

// SaveAttachments replaces the attachments recorded for a message with atts (in order).
// A row whose bytes are unchanged keeps its PDF and conversion state, so reprocessing
// does not convert again; a new or changed file that wants a PDF (wantPDF) is queued.
func (db *DB) SaveAttachments(ctx context.Context, message int64, atts []Attachment, wantPDF func(kind string) bool) error {
	now := db.opts.Now()
	return db.write(ctx, relaxed, func(tx *sql.Tx) error {
		for i, a := range atts {
			if err := putBlob(ctx, tx, a.SHA256, a.Data); err != nil {
				return err
			}
			if err := upsertAttachment(ctx, tx, message, i, a, wantPDF(a.Kind), now); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM attachments WHERE message = ? AND seq >= ?`, message, len(atts))
		return err
	})
}

func upsertAttachment(ctx context.Context, tx *sql.Tx, message int64, seq int, a Attachment, wantPDF bool, now time.Time) error {
	state := PDFNone
	if wantPDF {
		state = PDFPending
	}
	var oldSHA, oldState string
	err := tx.QueryRowContext(ctx, `SELECT sha256, pdf_state FROM attachments WHERE message = ? AND seq = ?`,
		message, seq).Scan(&oldSHA, &oldState)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		pdf, done := reusablePDF(ctx, tx, a.SHA256)
		if wantPDF && done {
			state = PDFDone
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO attachments (message, seq, mime_path, filename, declared_type,
			detected_type, kind, size, sha256, text, text_error, pdf_sha256, pdf_state, pdf_next_attempt)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			message, seq, a.MIMEPath, a.Filename, a.DeclaredType, a.DetectedType, a.Kind, a.Size, a.SHA256,
			a.Text, a.TextError, pdf, state, timeText(now))
		return err
	case err != nil:
		return err
	case oldSHA == a.SHA256 && wantPDF == (oldState != PDFNone):
		// Same file: refresh what the readers say, keep the conversion.
		_, err = tx.ExecContext(ctx, `UPDATE attachments SET mime_path = ?, filename = ?, declared_type = ?,
			detected_type = ?, kind = ?, text = CASE WHEN ? = '' AND pdf_state = 'done' THEN text ELSE ? END,
			text_error = ? WHERE message = ? AND seq = ?`,
			a.MIMEPath, a.Filename, a.DeclaredType, a.DetectedType, a.Kind, a.Text, a.Text, a.TextError, message, seq)
		return err
	default:
		_, err = tx.ExecContext(ctx, `DELETE FROM attachments WHERE message = ? AND seq = ?`, message, seq)
		if err != nil {
			return err
		}
		return upsertAttachment(ctx, tx, message, seq, a, wantPDF, now)
	}
}

// reusablePDF returns the PDF already made from the same bytes for another attachment.
func reusablePDF(ctx context.Context, tx *sql.Tx, sha string) (any, bool) {
	var pdf string
	err := tx.QueryRowContext(ctx, `SELECT pdf_sha256 FROM attachments WHERE sha256 = ? AND pdf_state = 'done'
		AND pdf_sha256 IS NOT NULL LIMIT 1`, sha).Scan(&pdf)
	if err != nil {
		return nil, false
	}
	return pdf, true
}

func putBlob(ctx context.Context, tx *sql.Tx, sha string, data []byte) error {
	if sha == "" {
		return errors.New("store: blob without digest")
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO blobs (sha256, size, data) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING`,
		sha, len(data), data)
	if err != nil {
		return fmt.Errorf("store: blob: %w", err)
	}
	return nil
}

const attachmentColumns = `a.id, a.message, a.seq, a.mime_path, a.filename, a.declared_type, a.detected_type,
	a.kind, a.size, a.sha256, a.text, a.text_error, COALESCE(a.pdf_sha256, ''), COALESCE(b.size, 0),
	a.pdf_state, a.pdf_error`

func scanAttachment(s scanner) (Attachment, error) {
	var a Attachment
	err := s.Scan(&a.ID, &a.Message, &a.Seq, &a.MIMEPath, &a.Filename, &a.DeclaredType, &a.DetectedType,
		&a.Kind, &a.Size, &a.SHA256, &a.Text, &a.TextError, &a.PDFSHA256, &a.PDFSize, &a.PDFState, &a.PDFError)
	return a, err
}

// Attachments returns a message's attachments in order, without their bytes.
func (db *DB) Attachments(ctx context.Context, message int64) ([]Attachment, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT `+attachmentColumns+` FROM attachments a
		LEFT JOIN blobs b ON b.sha256 = a.pdf_sha256 WHERE a.message = ? ORDER BY a.seq`, message)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Attachment
	for rows.Next() {
		a, err := scanAttachment(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Blob returns stored file bytes by digest.
func (db *DB) Blob(ctx context.Context, sha string) ([]byte, error) {
	var data []byte
	err := db.r.QueryRowContext(ctx, `SELECT data FROM blobs WHERE sha256 = ?`, sha).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("blob %s: %w", sha, ErrNotFound)
	}
	return data, err
}

// Conversion is a claimed PDF conversion of one attachment.
type Conversion struct {
	Attachment int64
	Message    int64
	Filename   string
	Kind       string
	SHA256     string
	Attempts   int
	Data       []byte
}

// ClaimConversions takes up to max due conversions, moving their next attempt forward
// before handing them out (as ClaimJob does), so that the caller can convert them in one
// batch.
func (db *DB) ClaimConversions(ctx context.Context, max int, retryAfter func(attempt int) time.Duration) ([]Conversion, error) {
	now := db.opts.Now()
	var out []Conversion
	err := db.write(ctx, relaxed, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, message, filename, kind, sha256, pdf_attempts FROM attachments
			WHERE pdf_state = 'pending' AND pdf_next_attempt <= ? ORDER BY pdf_next_attempt, id LIMIT ?`, timeText(now), max)
		if err != nil {
			return err
		}
		for rows.Next() {
			var c Conversion
			if err := rows.Scan(&c.Attachment, &c.Message, &c.Filename, &c.Kind, &c.SHA256, &c.Attempts); err != nil {
				rows.Close()
				return err
			}
			out = append(out, c)
		}
		rows.Close()
		for i := range out {
			c := &out[i]
			c.Attempts++
			if _, err := tx.ExecContext(ctx, `UPDATE attachments SET pdf_attempts = ?, pdf_next_attempt = ? WHERE id = ?`,
				c.Attempts, timeText(now.Add(retryAfter(c.Attempts))), c.Attachment); err != nil {
				return err
			}
			if err := tx.QueryRowContext(ctx, `SELECT data FROM blobs WHERE sha256 = ?`, c.SHA256).Scan(&c.Data); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// FinishConversion stores the PDF of a conversion. When text is not empty it replaces the
// attachment's text (formats whose text only the conversion yields, such as legacy .doc).
func (db *DB) FinishConversion(ctx context.Context, c Conversion, pdf []byte, text string) error {
	sum := sha256.Sum256(pdf)
	pdfSHA := hex.EncodeToString(sum[:])
	now := db.opts.Now()
	return db.write(ctx, relaxed, func(tx *sql.Tx) error {
		if err := putBlob(ctx, tx, pdfSHA, pdf); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE attachments SET pdf_sha256 = ?, pdf_state = 'done', pdf_error = '',
			text = CASE WHEN ? != '' THEN ? ELSE text END WHERE id = ?`, pdfSHA, text, text, c.Attachment)
		if err != nil {
			return err
		}
		return db.insertEvent(ctx, tx, Event{Time: now, Type: EventConverted, Message: c.Message, Detail: map[string]any{
			"attachment": c.Filename, "pdf_sha256": pdfSHA, "pdf_size": len(pdf)}})
	})
}

// FailConversion records a failed conversion; final stops retrying it.
func (db *DB) FailConversion(ctx context.Context, c Conversion, cause error, final bool) error {
	state := PDFPending
	if final {
		state = PDFFailed
	}
	now := db.opts.Now()
	return db.write(ctx, relaxed, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE attachments SET pdf_state = ?, pdf_error = ? WHERE id = ?`,
			state, cause.Error(), c.Attachment)
		if err != nil || !final {
			return err
		}
		return db.insertEvent(ctx, tx, Event{Time: now, Type: EventConvertFailed, Message: c.Message, Detail: map[string]any{
			"attachment": c.Filename, "error": cause.Error(), "attempts": c.Attempts}})
	})
}

// RequeueConversions makes every pending or failed conversion due now (after a converter
// was installed), and returns how many.
func (db *DB) RequeueConversions(ctx context.Context) (int64, error) {
	res, err := db.w.ExecContext(ctx, `UPDATE attachments SET pdf_state = 'pending', pdf_attempts = 0, pdf_next_attempt = ''
		WHERE pdf_state IN ('pending', 'failed')`)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// PendingConversions counts attachments waiting for a PDF.
func (db *DB) PendingConversions(ctx context.Context) (int64, error) {
	var n int64
	err := db.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM attachments WHERE pdf_state = 'pending'`).Scan(&n)
	return n, err
}
