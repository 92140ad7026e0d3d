/*
 * Independent known-answer vectors for @pi/core's xoshiro128p, written from the published algorithm
 * (Blackman and Vigna, "Scrambled linear pseudorandom number generators", 2018; xoshiro128+ 1.0) and
 * Steele, Lea and Flood's SplitMix64 for seeding, as the pi reproducibility contract specifies:
 *   z0, z1 = first two SplitMix64 outputs from the seed; state = { lo(z0), hi(z0), lo(z1), hi(z1) }.
 * Prints JSON: for each seed, the first 100 outputs, then 100 outputs after 1 jump and after 3 jumps
 * (each jump is 2^64 steps, taken from the seeded state).
 * Build and run: see generate.sh beside this file.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>

typedef struct { uint32_t w[4]; } state_t;

static uint64_t mix64(uint64_t *counter) {
    uint64_t z = (*counter += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

static uint32_t rotate_left(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

static uint32_t step(state_t *s) {
    uint32_t out = s->w[0] + s->w[3];
    uint32_t shifted = s->w[1] << 9;
    s->w[2] ^= s->w[0];
    s->w[3] ^= s->w[1];
    s->w[1] ^= s->w[2];
    s->w[0] ^= s->w[3];
    s->w[2] ^= shifted;
    s->w[3] = rotate_left(s->w[3], 11);
    return out;
}

static void jump_2_64(state_t *s) {
    static const uint32_t poly[4] = {0x8764000b, 0xf542d2d3, 0x6fa035c3, 0x77f2db5b};
    state_t acc = {{0, 0, 0, 0}};
    for (int i = 0; i < 4; i++)
        for (int b = 0; b < 32; b++) {
            if (poly[i] & (UINT32_C(1) << b))
                for (int k = 0; k < 4; k++) acc.w[k] ^= s->w[k];
            step(s);
        }
    *s = acc;
}

static state_t seeded(uint64_t seed) {
    uint64_t counter = seed;
    uint64_t z0 = mix64(&counter), z1 = mix64(&counter);
    state_t s = {{(uint32_t)z0, (uint32_t)(z0 >> 32), (uint32_t)z1, (uint32_t)(z1 >> 32)}};
    return s;
}

static void print_outputs(const char *name, state_t s) {
    printf("      \"%s\": [", name);
    for (int i = 0; i < 100; i++) printf("%s%" PRIu32, i ? ", " : "", step(&s));
    printf("]");
}

static void print_state(const char *name, state_t s) {
    printf("      \"%s\": [%" PRIu32 ", %" PRIu32 ", %" PRIu32 ", %" PRIu32 "]", name, s.w[0], s.w[1], s.w[2], s.w[3]);
}

int main(void) {
    static const uint64_t seeds[] = {0, 1, 42, 1234, 20220116, UINT64_C(9007199254740991)};
    const int n = sizeof seeds / sizeof seeds[0];
    printf("{\n  \"generator\": \"xoshiro128p\",\n  \"source\": \"test-vectors/xoshiro128p/xoshiro128p_vectors.c\",\n  \"cases\": [\n");
    for (int c = 0; c < n; c++) {
        state_t s = seeded(seeds[c]);
        printf("    {\n      \"seed\": %" PRIu64 ",\n", seeds[c]);
        print_state("state", s);
        printf(",\n");
        print_outputs("first100", s);
        printf(",\n");
        state_t j1 = s;
        jump_2_64(&j1);
        print_state("stateAfter1Jump", j1);
        printf(",\n");
        print_outputs("after1Jump", j1);
        printf(",\n");
        state_t j3 = j1;
        jump_2_64(&j3);
        jump_2_64(&j3);
        print_state("stateAfter3Jumps", j3);
        printf(",\n");
        print_outputs("after3Jumps", j3);
        printf("\n    }%s\n", c + 1 < n ? "," : "");
    }
    printf("  ]\n}\n");
    return 0;
}
