// Package directory owns the configured directory and every answer drawn from it: its
// sections of the configuration file (Directory: [intake], [[group]], [[sdo]], [[area]],
// [roles], [routing]; package config embeds them), who is who for statements sent from
// the IETF (Roles: which groups a person may speak for, who approves a statement of a
// group, an area, the IETF, the IESG or the IAB (draft-iab-rfc4053bis 4.1), the
// From-Contacts and Send Reply To of an outgoing statement, and where a statement to a
// body goes), and the routing table of received statements (Destinations: who gets a
// posted statement). Names and addresses are compared one way throughout (keys.go). Every
// answer comes from the configuration, never from free text.
//
// It is a leaf: it must not import config, touch storage, mail or the network.
package directory
