module orysession/bench/loadgen

go 1.23.0

require golang.org/x/image v0.30.0

require golang.org/x/text v0.28.0 // indirect
