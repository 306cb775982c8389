package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"golang.org/x/crypto/bcrypt"
)

// Errors of the login side.
var (
	ErrUserExists = errors.New("store: user already exists")
	// ErrBadLogin covers an unknown name, a wrong password and a disabled account alike,
	// so that the answer tells an attacker nothing.
	ErrBadLogin = errors.New("store: wrong name or password")
)

// MinPasswordLen is the shortest password `user add` accepts.
const MinPasswordLen = 10

// User is a liaison-manager login.
type User struct {
	ID        int64
	Name      string
	CreatedAt time.Time
	Disabled  bool
}

// Session is a logged-in browser.
type Session struct {
	User      User
	CSRF      string // the token every form of this session must carry
	ExpiresAt time.Time
}

// dummyHash (a bcrypt hash, at the default cost, of a password nobody has) is compared
// against when a name is unknown, so that a login for an unknown name takes as long as
// one with a wrong password.
const dummyHash = "$2a$10$icV74ij7h2Jz1Kako5pWVu5nVmWicGzWT8QGb4ClShvd7PDpENFIG"

// ValidUserName reports whether name can be a login: 1 to 64 letters, digits, '.', '-',
// '_' or '@' (it appears in the record log as the actor of every action).
func ValidUserName(name string) bool {
	if name == "" || len(name) > 64 {
		return false
	}
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune(".-_@", r) {
			return false
		}
	}
	return true
}

// AddUser creates a login with a bcrypt hash of password, and records the event.
func (db *DB) AddUser(ctx context.Context, name, password, actor string) (int64, error) {
	if !ValidUserName(name) {
		return 0, fmt.Errorf("store: user name %q: use 1-64 letters, digits, '.', '-', '_' or '@'", name)
	}
	hash, err := passwordHash(password)
	if err != nil {
		return 0, err
	}
	now := db.opts.Now()
	var id int64
	err = db.write(ctx, durable, func(tx *sql.Tx) error {
		var n int
		tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM users WHERE name = ?`, name).Scan(&n)
		if n > 0 {
			return fmt.Errorf("%w: %s", ErrUserExists, name)
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO users (name, password_hash, created_at) VALUES (?, ?, ?)`,
			name, string(hash), timeText(now))
		if err != nil {
			return err
		}
		id, _ = res.LastInsertId()
		return db.insertEvent(ctx, tx, Event{Time: now, Type: EventUserAdded, Actor: actor, Detail: map[string]any{"user": name}})
	})
	return id, err
}

// passwordHash checks a new password's length and returns its bcrypt hash.
func passwordHash(password string) ([]byte, error) {
	if len(password) < MinPasswordLen {
		return nil, fmt.Errorf("store: password too short: at least %d characters", MinPasswordLen)
	}
	if len(password) > 72 {
		// bcrypt ignores everything past 72 bytes; refuse rather than silently truncate.
		return nil, errors.New("store: password too long: at most 72 bytes")
	}
	return bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
}

// ErrNoUser says a login does not exist.
var ErrNoUser = errors.New("store: no such user")

// SetPassword replaces a login's password and ends its sessions (a password is changed
// when it may be known to someone else), and records the event.
func (db *DB) SetPassword(ctx context.Context, name, password, actor string) error {
	hash, err := passwordHash(password)
	if err != nil {
		return err
	}
	now := db.opts.Now()
	return db.write(ctx, durable, func(tx *sql.Tx) error {
		var id int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM users WHERE name = ?`, name).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("%w: %s", ErrNoUser, name)
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE users SET password_hash = ? WHERE id = ?`, string(hash), id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user = ?`, id); err != nil {
			return err
		}
		return db.insertEvent(ctx, tx, Event{Time: now, Type: EventUserPasswordSet, Actor: actor, Detail: map[string]any{"user": name}})
	})
}

// Users lists the logins.
func (db *DB) Users(ctx context.Context) ([]User, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT id, name, created_at, disabled FROM users ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		var u User
		var created string
		if err := rows.Scan(&u.ID, &u.Name, &created, &u.Disabled); err != nil {
			return nil, err
		}
		u.CreatedAt = parseTime(created)
		out = append(out, u)
	}
	return out, rows.Err()
}

// CheckPassword returns the user when name and password match an enabled login, and
// ErrBadLogin otherwise, spending one bcrypt comparison either way.
func (db *DB) CheckPassword(ctx context.Context, name, password string) (User, error) {
	var u User
	var hash, created string
	err := db.r.QueryRowContext(ctx, `SELECT id, name, password_hash, created_at, disabled FROM users WHERE name = ?`,
		name).Scan(&u.ID, &u.Name, &hash, &created, &u.Disabled)
	if errors.Is(err, sql.ErrNoRows) {
		bcrypt.CompareHashAndPassword([]byte(dummyHash), []byte(password))
		return User{}, ErrBadLogin
	}
	if err != nil {
		return User{}, err
	}
	if bcrypt.CompareHashAndPassword([]byte(hash), []byte(password)) != nil || u.Disabled {
		return User{}, ErrBadLogin
	}
	u.CreatedAt = parseTime(created)
	return u, nil
}

// randomToken returns 32 random bytes in URL-safe base64.
func randomToken() string {
	b := make([]byte, 32)
	rand.Read(b) // never fails (crypto/rand, Go 1.24+)
	return base64.RawURLEncoding.EncodeToString(b)
}

func tokenHash(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// CreateSession logs a user in for ttl and returns the cookie value (stored only as its
// hash). Expired sessions are removed on the way.
func (db *DB) CreateSession(ctx context.Context, user int64, ttl time.Duration) (token string, s Session, err error) {
	now := db.opts.Now()
	token = randomToken()
	s = Session{CSRF: randomToken(), ExpiresAt: now.Add(ttl)}
	err = db.write(ctx, relaxed, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at <= ?`, timeText(now)); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO sessions (token_hash, user, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
			tokenHash(token), user, s.CSRF, timeText(now), timeText(s.ExpiresAt))
		return err
	})
	if err != nil {
		return "", Session{}, err
	}
	s.User, err = db.user(ctx, user)
	return token, s, err
}

func (db *DB) user(ctx context.Context, id int64) (User, error) {
	var u User
	var created string
	err := db.r.QueryRowContext(ctx, `SELECT id, name, created_at, disabled FROM users WHERE id = ?`, id).
		Scan(&u.ID, &u.Name, &created, &u.Disabled)
	if errors.Is(err, sql.ErrNoRows) {
		return u, fmt.Errorf("user %d: %w", id, ErrNotFound)
	}
	u.CreatedAt = parseTime(created)
	return u, err
}

// SessionByToken returns the live session of a cookie value, or ErrNotFound.
func (db *DB) SessionByToken(ctx context.Context, token string) (Session, error) {
	if token == "" {
		return Session{}, ErrNotFound
	}
	var s Session
	var stored, expires, created string
	err := db.r.QueryRowContext(ctx, `SELECT s.token_hash, s.csrf, s.expires_at, u.id, u.name, u.created_at
		FROM sessions s JOIN users u ON u.id = s.user WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0`,
		tokenHash(token), timeText(db.opts.Now())).Scan(&stored, &s.CSRF, &expires, &s.User.ID, &s.User.Name, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return Session{}, ErrNotFound
	}
	if err != nil {
		return Session{}, err
	}
	// The lookup matched on the hash already; comparing again in constant time keeps a
	// future change of the query from turning into a timing oracle.
	if subtle.ConstantTimeCompare([]byte(stored), []byte(tokenHash(token))) != 1 {
		return Session{}, ErrNotFound
	}
	s.ExpiresAt, s.User.CreatedAt = parseTime(expires), parseTime(created)
	return s, nil
}

// DeleteSession logs a cookie value out.
func (db *DB) DeleteSession(ctx context.Context, token string) error {
	return db.write(ctx, relaxed, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = ?`, tokenHash(token))
		return err
	})
}
