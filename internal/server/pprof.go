package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"time"
)

// PprofHandler serves net/http/pprof's pages under /debug/pprof/. It is
// mounted only on the listener NEWSGRAPH_PPROF_ADDR names, never on the
// public mux: profiles show internals, and a CPU profile costs the server
// while it runs. (Importing net/http/pprof also registers these pages on
// http.DefaultServeMux; nothing here serves that mux.)
func PprofHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	return mux
}

// servePprof listens on addr and serves PprofHandler until ctx ends. It
// returns the address it listens on (useful when addr's port is 0).
func servePprof(ctx context.Context, addr string, log *slog.Logger) (net.Addr, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("pprof: listen on %s: %w", addr, err)
	}
	// No write timeout: /debug/pprof/profile?seconds=30 answers after 30 s.
	srv := &http.Server{Handler: PprofHandler(), ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Warn("pprof listener stopped", slog.String("error", err.Error()))
		}
	}()
	go func() {
		<-ctx.Done()
		srv.Close()
	}()
	log.Info("pprof listening", slog.String("addr", ln.Addr().String()))
	return ln.Addr(), nil
}
