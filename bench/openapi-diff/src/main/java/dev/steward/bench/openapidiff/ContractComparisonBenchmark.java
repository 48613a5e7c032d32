package dev.steward.bench.openapidiff;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.steward.apis.ContractChange;
import dev.steward.apis.internal.OpenApiContracts;
import dev.steward.apis.internal.ParsedContract;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Average time of {@code OpenApiContracts.compare} of the two 2,000-operation documents
 * of {@link LargeContracts} (parsing both included, as when a version is published;
 * target: under 2 s), and of parsing one of them alone.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class ContractComparisonBenchmark {

	private LargeContracts contracts;

	@Setup(Level.Trial)
	public void setUp() {
		this.contracts = LargeContracts.create();
		List<ContractChange> breaking = OpenApiContracts
			.breaking(OpenApiContracts.compare(this.contracts.base(), this.contracts.revision()));
		if (breaking.size() < 5) {
			throw new IllegalStateException("Unexpected comparison, breaking changes: " + breaking);
		}
	}

	@Benchmark
	public List<ContractChange> compare() {
		return OpenApiContracts.compare(this.contracts.base(), this.contracts.revision());
	}

	@Benchmark
	public ParsedContract parse() {
		return OpenApiContracts.parse(this.contracts.revision());
	}

}
