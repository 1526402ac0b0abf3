module faaslab/watchdog

go 1.19
