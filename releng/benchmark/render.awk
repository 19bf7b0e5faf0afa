# Renders BENCHMARKS.md from releng/benchmark/BENCHMARKS.md.in (run by ./benchmark):
#   @@INCLUDE name@@         the file target/benchmarks/<name>
#   @@GOALS@@                the goal table: goals.tsv (key, comparison, threshold, unit, goal) against the figures
#   @@FIGURES prefix...@@    a table of the figures whose keys start with one of the prefixes
#   @@PLOT file alt text@@   an image of docs/benchmarks/<file> when this run drew it
# Variables: figures (figures.tsv: benchmark, key, value, unit, description), goals, out.
BEGIN {
	FS = "\t"
	while ((getline line < figures) > 0) {
		split(line, f, "\t")
		if (!(f[2] in value)) keys[++count] = f[2]
		value[f[2]] = f[3]; unit[f[2]] = f[4]; desc[f[2]] = f[5]
	}
	while ((getline line < goals) > 0) {
		if (line ~ /^#/ || line == "") continue
		split(line, g, "\t")
		n = ++goalCount
		goalKey[n] = g[1]; goalOp[n] = g[2]; goalLimit[n] = g[3]; goalUnit[n] = g[4]; goalText[n] = g[5]
	}
}
/^@@INCLUDE .*@@$/ {
	name = $0; sub(/^@@INCLUDE /, "", name); sub(/@@$/, "", name)
	while ((getline line < (out "/" name)) > 0) print line
	close(out "/" name)
	next
}
/^@@GOALS@@$/ {
	print "| Goal (issue 15) | Figure | Measured | Met |"
	print "|---|---|---:|:---:|"
	for (i = 1; i <= goalCount; i++) {
		k = goalKey[i]
		if (k in value) {
			met = (goalOp[i] == "<=" ? value[k] + 0 <= goalLimit[i] + 0 : value[k] + 0 >= goalLimit[i] + 0) ? "yes" : "**no**"
			printf "| %s | `%s` | %s %s | %s |\n", goalText[i], k, value[k], unit[k], met
		} else {
			printf "| %s | `%s` | not measured in this run | – |\n", goalText[i], k
		}
	}
	next
}
/^@@FIGURES .*@@$/ {
	spec = $0; sub(/^@@FIGURES /, "", spec); sub(/@@$/, "", spec)
	np = split(spec, prefixes, " ")
	rows = 0
	for (i = 1; i <= count; i++) {
		k = keys[i]
		for (p = 1; p <= np; p++) {
			if (index(k, prefixes[p]) == 1) {
				if (rows++ == 0) { print "| Figure | Value | What |"; print "|---|---:|---|" }
				printf "| `%s` | %s %s | %s |\n", k, value[k], unit[k], desc[k]
				break
			}
		}
	}
	if (rows == 0) print "_Not measured in this run._"
	next
}
/^@@PLOT .*@@$/ {
	spec = $0; sub(/^@@PLOT /, "", spec); sub(/@@$/, "", spec)
	file = spec; sub(/ .*/, "", file)
	alt = spec; sub(/^[^ ]* ?/, "", alt)
	if (system("test -f docs/benchmarks/" file) == 0) printf "![%s](docs/benchmarks/%s)\n", alt, file
	else print "_No plot in this run._"
	next
}
{ print }
