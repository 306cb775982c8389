package message

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
)

// TNEF (winmail.dat, application/ms-tnef) is how Outlook wraps attachments when it sends
// "rich text". This is a limited reader ([MS-OXTNEF]) that only unpacks attached files:
//
//	stream    = signature(u32 0x223E9F78) key(u16) attribute*
//	attribute = level(u8) id(u32) length(u32) data[length] checksum(u16)
//
// attAttachRendData starts an attachment; attAttachTitle holds its name in the message code
// page, attAttachData its bytes, and attAttachment its MAPI properties, from which the long
// file name (PR_ATTACH_LONG_FILENAME) and the MIME type (PR_ATTACH_MIME_TAG) are taken.
// Every length is checked against the bytes that remain, so a lying length ends the read
// with an error instead of a large allocation; file data are slices of the input.

const tnefSignature = 0x223E9F78

// Attribute IDs (low 16 bits of the attribute ID; the high bits hold the type).
const (
	attAttachData     = 0x800F
	attAttachTitle    = 0x8010
	attAttachRendData = 0x9002
	attAttachment     = 0x9005
	attOemCodepage    = 0x9007
)

// MAPI property IDs and types read from attAttachment.
const (
	prDisplayName        = 0x3001
	prAttachDataObj      = 0x3701
	prAttachFilename     = 0x3704
	prAttachLongFilename = 0x3707
	prAttachMimeTag      = 0x370E

	ptString8 = 0x001E
	ptUnicode = 0x001F
	ptBinary  = 0x0102
	ptObject  = 0x000D
	ptMulti   = 0x1000
)

// tnefFile is one file unpacked from a TNEF stream.
type tnefFile struct {
	Name        string
	ContentType string
	Data        []byte

	long, title, display, short tnefName // name candidates, best first
}

// tnefName is a file name as stored: UTF-16 (already decoded) or 8-bit in the code page.
type tnefName struct {
	s       string
	unicode bool
}

// readTNEF unpacks the files of a TNEF stream, at most maxFiles of them. On damage it
// returns the files read so far with an error saying where the stream broke.
func readTNEF(b []byte, maxFiles int) ([]tnefFile, error) {
	r := &tnefReader{b: b}
	if sig := r.u32(); r.err != nil || sig != tnefSignature {
		return nil, errors.New("not a TNEF stream (no signature)")
	}
	r.u16() // legacy key
	codepage := "windows-1252"
	var files []tnefFile
	var err error
	for err == nil && r.remaining() > 0 {
		err = readTNEFAttribute(r, &files, &codepage, maxFiles)
	}
	return finishTNEFFiles(files, codepage), err
}

// readTNEFAttribute reads one attribute and applies it to files.
func readTNEFAttribute(r *tnefReader, files *[]tnefFile, codepage *string, maxFiles int) error {
	at := r.off
	r.u8() // level: message or attachment; the attribute ID says enough
	id := r.u32() & 0xFFFF
	data := r.bytes(r.u32())
	r.u16() // checksum: not checked, a wrong one does not stop Outlook either
	if r.err != nil {
		return fmt.Errorf("attribute at offset %d: %w", at, r.err)
	}
	switch id {
	case attOemCodepage:
		if len(data) >= 4 {
			*codepage = codepageCharset(binary.LittleEndian.Uint32(data))
		}
	case attAttachRendData, attAttachTitle, attAttachData, attAttachment:
		if err := applyFileAttribute(files, id, data, maxFiles); err != nil {
			return fmt.Errorf("attribute at offset %d: %w", at, err)
		}
	}
	return nil
}

// applyFileAttribute applies an attachment attribute to the last file. attAttachRendData
// starts a file, as does any other attribute when a writer left attAttachRendData out.
func applyFileAttribute(files *[]tnefFile, id uint32, data []byte, maxFiles int) error {
	if id == attAttachRendData || len(*files) == 0 {
		if len(*files) >= maxFiles {
			return fmt.Errorf("more than %d files; the rest are skipped", maxFiles)
		}
		*files = append(*files, tnefFile{})
	}
	f := &(*files)[len(*files)-1]
	switch id {
	case attAttachTitle:
		f.title = tnefName{s: string(trimNUL(data))}
	case attAttachData:
		f.Data = data
	case attAttachment:
		return f.readProps(data)
	}
	return nil
}

// finishTNEFFiles decodes the names and drops entries without data (embedded OLE objects
// and messages, which this reader does not unpack).
func finishTNEFFiles(files []tnefFile, codepage string) []tnefFile {
	var out []tnefFile
	for _, f := range files {
		if f.Data == nil {
			continue
		}
		for _, n := range []tnefName{f.long, f.title, f.display, f.short} {
			if n.s == "" {
				continue
			}
			f.Name = n.s
			if !n.unicode {
				f.Name, _, _ = decodeText([]byte(n.s), codepage, nil)
			}
			break
		}
		out = append(out, f)
	}
	return out
}

// readProps reads the MAPI properties of an attachment (attAttachment).
func (f *tnefFile) readProps(b []byte) error {
	r := &tnefReader{b: b}
	count := r.u32()
	if r.err == nil && uint64(count) > uint64(r.remaining())/4 {
		return fmt.Errorf("%d properties cannot fit in %d bytes", count, r.remaining())
	}
	for i := uint32(0); i < count && r.err == nil; i++ {
		typ, id := r.u16(), r.u16()
		if id >= 0x8000 { // named property: GUID, then a number or a name
			r.skip(16)
			if kind := r.u32(); kind == 0 {
				r.u32()
			} else {
				r.skip(pad4(r.u32()))
			}
		}
		values := uint32(1)
		base := typ &^ ptMulti
		variable := base == ptString8 || base == ptUnicode || base == ptBinary || base == ptObject
		if typ&ptMulti != 0 || variable {
			values = r.u32()
			if r.err == nil && uint64(values) > uint64(r.remaining())/4 {
				return fmt.Errorf("property 0x%04x claims %d values in %d bytes", id, values, r.remaining())
			}
		}
		for v := uint32(0); v < values && r.err == nil; v++ {
			var val []byte
			if variable {
				n := r.u32()
				val = r.bytes(n)
				r.skip(pad4(n) - n)
			} else {
				size := mapiFixedSize(base)
				if size == 0 {
					return fmt.Errorf("property 0x%04x has unknown type 0x%04x", id, typ)
				}
				val = r.bytes(size)
			}
			if v == 0 && r.err == nil {
				f.setProp(id, base, val)
			}
		}
	}
	return r.err
}

func (f *tnefFile) setProp(id, typ uint16, val []byte) {
	name := tnefName{s: string(trimNUL(val))}
	if typ == ptUnicode {
		name = tnefName{s: utf16LE(val), unicode: true}
	}
	switch id {
	case prAttachLongFilename:
		f.long = name
	case prAttachFilename:
		f.short = name
	case prDisplayName:
		f.display = name
	case prAttachMimeTag:
		f.ContentType = strings.ToValidUTF8(name.s, "")
	case prAttachDataObj:
		if typ == ptBinary && f.Data == nil {
			f.Data = val
		}
	}
}

// mapiFixedSize returns the stored size of a fixed-size MAPI type (padded to 4), 0 for a
// type this reader does not know.
func mapiFixedSize(typ uint16) uint32 {
	switch typ {
	case 0x0001, 0x0002, 0x0003, 0x0004, 0x000A, 0x000B: // null, i2, i4, r4, error, boolean
		return 4
	case 0x0005, 0x0006, 0x0007, 0x0014, 0x0040: // r8, currency, apptime, i8, systime
		return 8
	case 0x0048: // clsid
		return 16
	}
	return 0
}

// codepageCharset names the charset of a Windows code page (attOemCodepage).
func codepageCharset(cp uint32) string {
	switch cp {
	case 65001:
		return "utf-8"
	case 932:
		return "shift_jis"
	case 936:
		return "gbk"
	case 949:
		return "euc-kr"
	case 950:
		return "big5"
	case 20866:
		return "koi8-r"
	case 28591:
		return "iso-8859-1"
	}
	if cp >= 1250 && cp <= 1258 {
		return "windows-" + strconv.Itoa(int(cp))
	}
	return "windows-1252"
}

func trimNUL(b []byte) []byte {
	for len(b) > 0 && b[len(b)-1] == 0 {
		b = b[:len(b)-1]
	}
	return b
}

func utf16LE(b []byte) string {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, binary.LittleEndian.Uint16(b[i:]))
	}
	return strings.TrimRight(string(utf16.Decode(u)), "\x00")
}

// pad4 rounds n up to a multiple of 4 without overflowing.
func pad4(n uint32) uint32 {
	if n > 0xFFFFFFFC {
		return 0xFFFFFFFF
	}
	return (n + 3) &^ 3
}

// tnefReader reads little-endian values; the first read past the end sets err and every
// later read returns zero values.
type tnefReader struct {
	b   []byte
	off int
	err error
}

func (r *tnefReader) remaining() int { return len(r.b) - r.off }

func (r *tnefReader) bytes(n uint32) []byte {
	if r.err != nil {
		return nil
	}
	if uint64(n) > uint64(r.remaining()) {
		r.err = fmt.Errorf("length %d runs past the end (%d bytes left)", n, r.remaining())
		return nil
	}
	b := r.b[r.off : r.off+int(n) : r.off+int(n)]
	r.off += int(n)
	return b
}

func (r *tnefReader) skip(n uint32) { r.bytes(n) }

func (r *tnefReader) u8() uint8 {
	if b := r.bytes(1); b != nil {
		return b[0]
	}
	return 0
}

func (r *tnefReader) u16() uint16 {
	if b := r.bytes(2); b != nil {
		return binary.LittleEndian.Uint16(b)
	}
	return 0
}

func (r *tnefReader) u32() uint32 {
	if b := r.bytes(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}
