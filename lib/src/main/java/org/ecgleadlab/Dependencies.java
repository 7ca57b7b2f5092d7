package org.ecgleadlab;

// lib's runtime dependencies for JBang scripts, which compile lib from source through //SOURCES and read these lines
// from here. Keep them equal to lib/pom.xml's non-test dependencies: DependenciesTest fails when the two drift apart.
//DEPS ai.djl:api:0.36.0
//DEPS ai.djl.pytorch:pytorch-engine:0.36.0
//DEPS ai.djl.pytorch:pytorch-jni:2.7.1-0.36.0
//DEPS ai.djl.pytorch:pytorch-native-cpu:2.7.1:linux-x86_64
//DEPS io.jhdf:jhdf:0.9.4
//DEPS tech.tablesaw:tablesaw-core:0.44.4
//DEPS org.knowm.xchart:xchart:3.8.8
//DEPS info.picocli:picocli:4.7.7
//DEPS me.tongfei:progressbar:0.10.1
//DEPS org.apache.commons:commons-csv:1.14.1
//DEPS org.apache.commons:commons-math3:3.6.1
//DEPS uk.me.berndporr:iirj:1.7
//DEPS net.java.dev.jna:jna:5.17.0
//DEPS com.google.code.gson:gson:2.13.2
//DEPS org.slf4j:slf4j-simple:2.0.17

/** Holds lib's runtime dependencies as JBang {@code //DEPS} lines (see the comment above); it has no code. */
public final class Dependencies {
    private Dependencies() {
    }
}
