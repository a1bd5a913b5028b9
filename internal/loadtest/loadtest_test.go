package loadtest

import (
	"os"
	"testing"
)

func TestMemory(t *testing.T) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("no /proc")
	}
	rss, peak := RSSKiB(os.Getpid()), PeakRSSKiB(os.Getpid())
	if rss <= 0 || peak < rss {
		t.Errorf("RSSKiB = %d, PeakRSSKiB = %d; want both set, the peak at least the current size", rss, peak)
	}
	// No process has pid -1: a process that is gone reads as 0.
	if n := PeakRSSKiB(-1); n != 0 {
		t.Errorf("PeakRSSKiB(-1) = %d, want 0", n)
	}
}
