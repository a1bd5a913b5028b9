// Package gqltest holds test helpers that talk GraphQL to a running
// server: Post over HTTP, and Dial, a small client of graphql-transport-ws,
// the WebSocket protocol of subscriptions (the graphql-ws JS client's, and
// gqlgen's).
package gqltest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// Client is one connection. A goroutine reads the socket (a read with a
// deadline would close it) and answers the server's pings, until
// StopReading.
type Client struct {
	t    testing.TB
	Conn *websocket.Conn
	msgs chan Message
	errc chan error
	stop atomic.Bool
}

// Message is one protocol message.
type Message struct {
	ID      string          `json:"id,omitempty"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

// Dial connects to base's /graphql (base is http://host:port) and
// completes the connection_init handshake.
func Dial(t testing.TB, base string) *Client {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	u := "ws" + strings.TrimPrefix(base, "http") + "/graphql"
	conn, res, err := websocket.Dial(ctx, u, &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		t.Fatalf("dial %s: %v", u, err)
	}
	if p := res.Header.Get("Sec-WebSocket-Protocol"); p != "graphql-transport-ws" {
		t.Fatalf("subprotocol %q", p)
	}
	conn.SetReadLimit(1 << 20)
	c := &Client{t: t, Conn: conn, msgs: make(chan Message, 100), errc: make(chan error, 1)}
	t.Cleanup(func() { conn.CloseNow() })
	go c.readLoop()
	c.Send(Message{Type: "connection_init"})
	if m := c.Next(10 * time.Second); m.Type != "connection_ack" {
		t.Fatalf("connection_init: got %+v", m)
	}
	return c
}

func (c *Client) readLoop() {
	for !c.stop.Load() {
		_, b, err := c.Conn.Read(context.Background())
		if err != nil {
			c.errc <- err
			return
		}
		var m Message
		if err := json.Unmarshal(b, &m); err != nil {
			c.errc <- fmt.Errorf("not JSON: %s", b)
			return
		}
		if m.Type == "ping" {
			if !c.stop.Load() {
				b, _ := json.Marshal(Message{Type: "pong"})
				c.Conn.Write(context.Background(), websocket.MessageText, b)
			}
			continue
		}
		c.msgs <- m
	}
}

// StopReading makes the client read nothing more from the socket (after
// at most the message being read now), so it never answers a ping again.
func (c *Client) StopReading() { c.stop.Store(true) }

// Send writes one message.
func (c *Client) Send(m Message) {
	c.t.Helper()
	b, _ := json.Marshal(m)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := c.Conn.Write(ctx, websocket.MessageText, b); err != nil {
		c.t.Fatalf("write: %v", err)
	}
}

// Subscribe starts the subscription id.
func (c *Client) Subscribe(id, query string, vars map[string]any) {
	c.t.Helper()
	p, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	c.Send(Message{ID: id, Type: "subscribe", Payload: p})
}

// Next returns the next message other than a ping, failing the test if
// none comes within the time given.
func (c *Client) Next(within time.Duration) Message {
	c.t.Helper()
	m, err := c.Read(within)
	if err != nil {
		c.t.Fatalf("no message within %s: %v", within, err)
	}
	return m
}

// ErrNoMessage is Read's error when nothing came in time.
var ErrNoMessage = errors.New("no message")

// Read returns the next message other than a ping, ErrNoMessage if none
// comes in time, or the error that ended the connection.
func (c *Client) Read(within time.Duration) (Message, error) {
	select {
	case m := <-c.msgs:
		return m, nil
	case err := <-c.errc:
		c.errc <- err
		return Message{}, err
	case <-time.After(within):
		return Message{}, ErrNoMessage
	}
}

// Quiet fails the test if any message other than a ping arrives within d.
func (c *Client) Quiet(d time.Duration) {
	c.t.Helper()
	if m, err := c.Read(d); err == nil {
		c.t.Errorf("unexpected message %s %s: %s", m.ID, m.Type, m.Payload)
	}
}

// Data decodes a "next" message's data into v, failing on errors.
func Data(t testing.TB, m Message, v any) {
	t.Helper()
	if m.Type != "next" {
		t.Fatalf("want next, got %s %s: %s", m.ID, m.Type, m.Payload)
	}
	var r struct {
		Data   json.RawMessage
		Errors []json.RawMessage
	}
	if err := json.Unmarshal(m.Payload, &r); err != nil || len(r.Errors) > 0 {
		t.Fatalf("%s: %s", m.ID, m.Payload)
	}
	if err := json.Unmarshal(r.Data, v); err != nil {
		t.Fatalf("decode %s: %v", r.Data, err)
	}
}

// NextData waits for the next message, which must be "next" for id, and
// decodes its data into v.
func (c *Client) NextData(id string, within time.Duration, v any) {
	c.t.Helper()
	m := c.Next(within)
	if m.ID != id {
		c.t.Fatalf("want next for %s, got %s %s: %s", id, m.ID, m.Type, m.Payload)
	}
	Data(c.t, m, v)
}
