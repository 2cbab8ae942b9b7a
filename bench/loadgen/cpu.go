package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

// clockTicks is USER_HZ, the unit of utime and stime in /proc/PID/stat: 100 on every Linux architecture
// Go builds for.
const clockTicks = 100

// Process is a process whose CPU time the report shows per scenario (Kratos, the application instances,
// the load generator itself).
type Process struct {
	Name string
	PID  int
}

// parseProcesses reads "name=pid,name=pid".
func parseProcesses(list string) ([]Process, error) {
	var out []Process
	for _, item := range splitList(list) {
		name, pid, ok := strings.Cut(item, "=")
		n, err := strconv.Atoi(pid)
		if !ok || err != nil || name == "" || n <= 0 {
			return nil, fmt.Errorf("%q is not name=pid", item)
		}
		out = append(out, Process{name, n})
	}
	return append(out, Process{"loadgen", os.Getpid()}), nil
}

// cpuSeconds is the user+system CPU time a process has used so far.
func cpuSeconds(pid int) (float64, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	return parseStatCPU(string(data))
}

// parseStatCPU reads utime and stime (fields 14 and 15) from /proc/PID/stat; the command name, field 2, is in
// parentheses and may contain spaces, so the fields are counted after its closing parenthesis.
func parseStatCPU(stat string) (float64, error) {
	end := strings.LastIndexByte(stat, ')')
	if end < 0 {
		return 0, fmt.Errorf("unexpected /proc stat format")
	}
	fields := strings.Fields(stat[end+1:])
	if len(fields) < 13 {
		return 0, fmt.Errorf("unexpected /proc stat format")
	}
	utime, err1 := strconv.ParseFloat(fields[11], 64)
	stime, err2 := strconv.ParseFloat(fields[12], 64)
	if err1 != nil || err2 != nil {
		return 0, fmt.Errorf("unexpected /proc stat format")
	}
	return (utime + stime) / clockTicks, nil
}

// cpuSnapshot reads every process's CPU time; a process that cannot be read is left out.
func cpuSnapshot(processes []Process) map[string]float64 {
	out := map[string]float64{}
	for _, p := range processes {
		if s, err := cpuSeconds(p.PID); err == nil {
			out[p.Name] = s
		}
	}
	return out
}

// cpuPerRequest is the CPU milliseconds each process used per request between two snapshots.
func cpuPerRequest(before, after map[string]float64, requests int) map[string]float64 {
	out := map[string]float64{}
	if requests <= 0 {
		return out
	}
	for name, start := range before {
		if end, ok := after[name]; ok {
			out[name] = round((end-start)*1000/float64(requests), 3)
		}
	}
	return out
}

// jitThreadPrefixes name HotSpot's JIT compiler threads as /proc shows them (comm is cut at 15 characters).
var jitThreadPrefixes = []string{"C1 CompilerThre", "C2 CompilerThre"}

// jitSeconds is the CPU time the JIT compiler threads of the processes have used so far: a server whose JIT
// still compiles spends CPU on it that the requests then queue behind. Processes without such threads (Kratos,
// the load generator) add nothing.
func jitSeconds(processes []Process) float64 {
	total := 0.0
	for _, p := range processes {
		tasks, err := os.ReadDir(fmt.Sprintf("/proc/%d/task", p.PID))
		if err != nil {
			continue
		}
		for _, task := range tasks {
			dir := fmt.Sprintf("/proc/%d/task/%s/", p.PID, task.Name())
			comm, err := os.ReadFile(dir + "comm")
			if err != nil || !isJITThread(strings.TrimSpace(string(comm))) {
				continue
			}
			if stat, err := os.ReadFile(dir + "stat"); err == nil {
				if s, err := parseStatCPU(string(stat)); err == nil {
					total += s
				}
			}
		}
	}
	return total
}

func isJITThread(comm string) bool {
	for _, prefix := range jitThreadPrefixes {
		if strings.HasPrefix(comm, prefix) {
			return true
		}
	}
	return false
}
