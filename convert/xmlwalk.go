package convert

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"

	"github.com/emersion/go-message/charset"
)

// xmlWalk streams the tokens of one XML part with a nesting limit and a cancellation check.
// encoding/xml never expands entities other than the five predefined ones, so a
// billion-laughs document stops at its first custom entity with a syntax error.
type xmlWalk struct {
	ctx   context.Context
	dec   *xml.Decoder
	depth int
	max   int
	count int
}

func newXMLWalk(ctx context.Context, r io.Reader, maxDepth int) *xmlWalk {
	dec := xml.NewDecoder(r)
	dec.CharsetReader = charset.Reader // a few producers write UTF-16 or legacy encodings
	return &xmlWalk{ctx: ctx, dec: dec, max: maxDepth}
}

// next returns the next StartElement, EndElement or CharData (valid until the following
// call), and io.EOF at the end of the part.
func (w *xmlWalk) next() (xml.Token, error) {
	for {
		tok, err := w.dec.Token()
		if err != nil {
			return nil, w.wrap(err)
		}
		if w.count++; w.count%4096 == 0 && w.ctx.Err() != nil {
			return nil, fmt.Errorf("%w: time budget spent while reading XML: %v", ErrLimit, w.ctx.Err())
		}
		switch tok.(type) {
		case xml.StartElement:
			if w.depth++; w.depth > w.max {
				return nil, fmt.Errorf("%w: XML nested deeper than %d elements", ErrLimit, w.max)
			}
			return tok, nil
		case xml.EndElement:
			w.depth--
			return tok, nil
		case xml.CharData:
			return tok, nil
		}
	}
}

// each calls fn with every token until the part ends, fn fails, or done (nil: never) says
// that no more is wanted.
func (w *xmlWalk) each(done func() bool, fn func(tok xml.Token) error) error {
	for done == nil || !done() {
		tok, err := w.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if err := fn(tok); err != nil {
			return err
		}
	}
	return nil
}

// skip consumes the rest of the element whose StartElement next just returned.
func (w *xmlWalk) skip() error {
	target := w.depth - 1
	for w.depth > target {
		if _, err := w.next(); err != nil {
			if err == io.EOF {
				return fmt.Errorf("%w: XML ends inside an element", ErrMalformed)
			}
			return err
		}
	}
	return nil
}

func (w *xmlWalk) wrap(err error) error {
	if err == io.EOF || errors.Is(err, ErrLimit) || errors.Is(err, ErrMalformed) {
		return err
	}
	return fmt.Errorf("%w: XML: %v", ErrMalformed, err)
}

// attr returns the value of the attribute with the given local name.
func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
