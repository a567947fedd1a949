#!/usr/bin/env bash
# Prøveflytting til Operaton (docs/plattform-og-vedlikehold.md, «Prøven med Operaton»).
#
# Kopierer koden til en egen mappe, kjører OpenRewrite med Operatons oppskrift der, gjør de
# stegene oppskriften ikke dekker, og kjører hele testpakken (./mvnw verify) på kopien.
# Selve repositoriet endres ikke: alt skjer i arbeidsmappen.
#
#   bash .ci/operaton-migrering.sh [valg] [-- ekstra argumenter til ./mvnw verify]
#
#   --kilde head|arbeidstre   head (standard): siste commit (git archive HEAD);
#                             arbeidstre: filene slik de ligger nå (også de som ikke er committet)
#   --mappe MAPPE             arbeidsmappen (tom eller ny); ellers lages en med mktemp
#   --oppskrift auto|operaton|egen
#                             operaton: Operatons egen oppskrift fra Maven Central;
#                             egen: oppskriften skriptet skriver selv (samme OpenRewrite-byggesteiner);
#                             auto (standard): operaton når den kan hentes, ellers egen
#   --bare-kompiler           stopp etter kompileringen (ingen tester)
#
# Eksempel på en del av testpakken: bash .ci/operaton-migrering.sh -- -Dtest='Modell*' \
#   -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=Ingen -Dfailsafe.failIfNoSpecifiedTests=false
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"

# Versjonene prøven gjelder. Operaton 1.0.3 er den nyeste versjonen av Operaton på Spring Boot 3.5
# som Maven Central ga ut da prøven ble skrevet (se dokumentet).
REWRITE_PLUGIN="org.openrewrite.maven:rewrite-maven-plugin:6.46.1"
OPERATON_OPPSKRIFT="org.operaton:migrate-camunda-recipe:1.0.1"
OPERATON_OPPSKRIFT_NAVN="org.operaton.rewrite.spring.MigrateSpringBootApplication"
EGEN_OPPSKRIFT_NAVN="no.vareunge.operatonprove.TilOperaton"
OPERATON_VERSJON="1.0.3"
# Biblioteker uten Operaton-utgave pakkes om under denne gruppen (prefiks + opprinnelig gruppe).
OMPLASSERT_PREFIKS="operatonprove."
SHADE_PLUGIN_VERSJON="3.6.0"

KILDE=head
ARBEID=""
OPPSKRIFT=auto
BARE_KOMPILER=false
MAVEN_EKSTRA=()

while [ $# -gt 0 ]; do
  case "$1" in
    --kilde) KILDE="${2:?--kilde trenger head eller arbeidstre}"; shift 2 ;;
    --mappe) ARBEID="${2:?--mappe trenger en mappe}"; shift 2 ;;
    --oppskrift) OPPSKRIFT="${2:?--oppskrift trenger auto, operaton eller egen}"; shift 2 ;;
    --bare-kompiler) BARE_KOMPILER=true; shift ;;
    --) shift; MAVEN_EKSTRA=("$@"); break ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Ukjent valg: $1 (se --help)" >&2; exit 2 ;;
  esac
done
case "$KILDE" in head|arbeidstre) ;; *) echo "--kilde må være head eller arbeidstre" >&2; exit 2 ;; esac
case "$OPPSKRIFT" in auto|operaton|egen) ;; *) echo "--oppskrift må være auto, operaton eller egen" >&2; exit 2 ;; esac

# --- Arbeidsmappen ----------------------------------------------------------------------------

if [ -z "$ARBEID" ]; then
  ARBEID="$(mktemp -d "${TMPDIR:-/tmp}/operaton-prove.XXXXXX")"
else
  mkdir -p "$ARBEID"
  ARBEID="$(cd "$ARBEID" && pwd)"
  if [ -n "$(ls -A "$ARBEID")" ]; then
    echo "Arbeidsmappen $ARBEID er ikke tom." >&2
    exit 2
  fi
fi
case "$ARBEID/" in
  "$REPO"/*) echo "Arbeidsmappen kan ikke ligge inne i repositoriet." >&2; exit 2 ;;
esac
KODE="$ARBEID/kode"
LOGG="$ARBEID/logg"
SAMMENDRAG="$ARBEID/sammendrag.txt"
mkdir -p "$KODE" "$LOGG"
START=$SECONDS

melding() { echo "==> $*" | tee -a "$SAMMENDRAG"; }
notat() { echo "    $*" | tee -a "$SAMMENDRAG"; }
varighet() { local s=$(( SECONDS - $1 )); printf '%d min %02d s' $((s / 60)) $((s % 60)); }

mvn_kode() { (cd "$KODE" && ./mvnw -B -ntp "$@"); }

# Kan Maven hente artefakten (gruppe:artefakt:versjon[:type[:klassifikator]])?
finnes_artefakt() {
  mvn_kode -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get \
    -Dartifact="$1" -Dtransitive=false >/dev/null 2>&1
}

# Lagrer et steg i kopiens egen git-historikk, så hvert steg kan ses med git -C kode show.
lagre_steg() {
  git -C "$KODE" add -A
  if git -C "$KODE" diff --cached --quiet; then
    notat "$1: ingen endringer"
    return
  fi
  local filer
  filer="$(git -C "$KODE" diff --cached --name-only | wc -l | tr -d ' ')"
  git -C "$KODE" -c user.name=operaton-prove -c user.email=operaton-prove@localhost \
    commit -q -m "$1"
  notat "$1: $filer filer endret"
}

: >"$SAMMENDRAG"
melding "Prøveflytting til Operaton, $(date '+%Y-%m-%d %H:%M')"
notat "arbeidsmappe: $ARBEID"

# --- 1. Kopien ----------------------------------------------------------------------------------

if [ "$KILDE" = head ]; then
  # Siste commit: gjentakbart, og upåvirket av halvferdige endringer i arbeidstreet.
  git -C "$REPO" archive HEAD | tar -x -C "$KODE"
  notat "kilde: commit $(git -C "$REPO" rev-parse --short HEAD)"
else
  (cd "$REPO" && git ls-files -co --exclude-standard -z | tar --null --ignore-failed-read -cf - -T - 2>/dev/null) | tar -x -C "$KODE"
  notat "kilde: arbeidstreet (commit $(git -C "$REPO" rev-parse --short HEAD) med endringer)"
fi
chmod +x "$KODE/mvnw"
git -C "$KODE" init -q
lagre_steg "utgangspunkt (Camunda 7.24)"

# --- 2. OpenRewrite-oppskriften -------------------------------------------------------------------

if [ "$OPPSKRIFT" = auto ]; then
  if finnes_artefakt "$OPERATON_OPPSKRIFT"; then
    OPPSKRIFT=operaton
  else
    OPPSKRIFT=egen
    notat "Operatons oppskrift $OPERATON_OPPSKRIFT kan ikke hentes her; bruker egen oppskrift"
  fi
fi

# Skriver skriptets egen oppskrift: de samme OpenRewrite-byggesteinene som Operatons oppskrift
# (avhengigheter, metoder, konstanter, typer, pakker, Spring-egenskaper), avgrenset til det koden
# faktisk bruker. Metode-, type- og konstantnavn med «Camunda» finnes i koden og gis Operaton-navn.
skriv_egen_oppskrift() {
  local fil="$1" kilder navn fqn ny eier konst
  kilder=(src/main/java src/test/java)
  {
    cat <<YAML
type: specs.openrewrite.org/v1beta/recipe
name: $EGEN_OPPSKRIFT_NAVN
displayName: Camunda 7 til Operaton $OPERATON_VERSJON (prøveflytting)
description: Avhengigheter, API-navn, pakker og Spring-egenskaper fra Camunda 7 til Operaton.
recipeList:
  - org.openrewrite.maven.ChangeManagedDependencyGroupIdAndArtifactId:
      oldGroupId: org.camunda.bpm
      oldArtifactId: camunda-bom
      newGroupId: org.operaton.bpm
      newArtifactId: operaton-bom
      newVersion: $OPERATON_VERSJON
YAML
    # Avhengighetene prosjektet har, med Operatons navn.
    local par
    for par in \
      "org.camunda.bpm.springboot camunda-bpm-spring-boot-starter-webapp org.operaton.bpm.springboot operaton-bpm-spring-boot-starter-webapp" \
      "org.camunda.bpm.springboot camunda-bpm-spring-boot-starter-rest org.operaton.bpm.springboot operaton-bpm-spring-boot-starter-rest" \
      "org.camunda.bpm.springboot camunda-bpm-spring-boot-starter org.operaton.bpm.springboot operaton-bpm-spring-boot-starter" \
      "org.camunda.bpm camunda-engine-plugin-spin org.operaton.bpm operaton-engine-plugin-spin" \
      "org.camunda.spin camunda-spin-dataformat-json-jackson org.operaton.spin operaton-spin-dataformat-json-jackson" \
      "org.camunda.bpm camunda-bpm-assert org.operaton.bpm operaton-bpm-assert" \
      "org.camunda.bpm camunda-bpm-junit5 org.operaton.bpm operaton-bpm-junit5" \
      "org.camunda.bpm camunda-engine org.operaton.bpm operaton-engine"; do
      set -- $par
      cat <<YAML
  - org.openrewrite.maven.ChangeDependencyGroupIdAndArtifactId:
      oldGroupId: $1
      oldArtifactId: $2
      newGroupId: $3
      newArtifactId: $4
YAML
    done
    cat <<YAML
  - org.openrewrite.maven.RenamePropertyKey:
      oldKey: camunda.version
      newKey: operaton.version
  - org.openrewrite.maven.ChangePropertyValue:
      key: operaton.version
      newValue: $OPERATON_VERSJON
YAML
    # Metoder med «Camunda» i navnet (getCamundaFormKey → getOperatonFormKey), i Camundas typer.
    for navn in $(cd "$KODE" && grep -rhoE '\b(get|set|is|has|create)Camunda[A-Za-z0-9_]*\b' "${kilder[@]}" | sort -u); do
      cat <<YAML
  - org.openrewrite.java.ChangeMethodName:
      methodPattern: "org.camunda.bpm..* $navn(..)"
      newMethodName: ${navn/Camunda/Operaton}
      matchOverrides: true
YAML
    done
    # Konstanter med CAMUNDA i navnet (Groups.CAMUNDA_ADMIN → Groups.OPERATON_ADMIN).
    while read -r eier konst; do
      [ -n "$eier" ] || continue
      fqn="$(cd "$KODE" && grep -rhoE "import org\.camunda\.[a-z0-9_.]+\.$eier;" "${kilder[@]}" | head -1 \
        | sed -E 's/^import //; s/;$//')"
      [ -n "$fqn" ] || continue
      ny="$(echo "$fqn" | sed 's/camunda/operaton/g')"
      cat <<YAML
  - org.openrewrite.java.ReplaceConstantWithAnotherConstant:
      existingFullyQualifiedConstantName: $fqn.$konst
      fullyQualifiedConstantName: $ny.${konst/CAMUNDA/OPERATON}
YAML
    done < <(cd "$KODE" && grep -rhoE '\b[A-Z][A-Za-z0-9]*\.CAMUNDA_[A-Z0-9_]+\b' "${kilder[@]}" | tr '.' ' ' | sort -u)
    # Typer med «Camunda» i navnet (CamundaBpmProperties → OperatonBpmProperties).
    for fqn in $(cd "$KODE" && grep -rhoE 'org\.camunda\.bpm(\.[a-z0-9_]+)*\.Camunda[A-Za-z0-9_]*' "${kilder[@]}" | sort -u); do
      cat <<YAML
  - org.openrewrite.java.ChangeType:
      oldFullyQualifiedTypeName: $fqn
      newFullyQualifiedTypeName: $(echo "$fqn" | sed 's/camunda/operaton/g; s/Camunda/Operaton/g')
YAML
    done
    # Pakkene (org.camunda.community, prosessdekningen, er ikke Camunda 7 selv og står urørt).
    for navn in bpm spin commons connect; do
      cat <<YAML
  - org.openrewrite.java.ChangePackage:
      oldPackageName: org.camunda.$navn
      newPackageName: org.operaton.$navn
      recursive: true
YAML
    done
    cat <<YAML
  - org.openrewrite.yaml.ChangePropertyKey:
      oldPropertyKey: camunda.bpm
      newPropertyKey: operaton.bpm
YAML
  } >"$fil"
}

REWRITE_START=$SECONDS
if [ "$OPPSKRIFT" = operaton ]; then
  melding "Kjører Operatons oppskrift $OPERATON_OPPSKRIFT ($OPERATON_OPPSKRIFT_NAVN)"
  REWRITE_ARGS=(-Drewrite.recipeArtifactCoordinates="$OPERATON_OPPSKRIFT"
    -Drewrite.activeRecipes="$OPERATON_OPPSKRIFT_NAVN")
else
  skriv_egen_oppskrift "$ARBEID/rewrite.yml"
  melding "Kjører egen oppskrift $EGEN_OPPSKRIFT_NAVN ($(grep -c '^  - ' "$ARBEID/rewrite.yml") steg, $ARBEID/rewrite.yml)"
  REWRITE_ARGS=(-Drewrite.configLocation="$ARBEID/rewrite.yml"
    -Drewrite.activeRecipes="$EGEN_OPPSKRIFT_NAVN")
fi
if ! mvn_kode "$REWRITE_PLUGIN:run" "${REWRITE_ARGS[@]}" >"$LOGG/rewrite.log" 2>&1; then
  tail -40 "$LOGG/rewrite.log"
  melding "OpenRewrite feilet (se $LOGG/rewrite.log)"
  exit 1
fi
notat "OpenRewrite ($(varighet $REWRITE_START)), plugin $REWRITE_PLUGIN"
lagre_steg "OpenRewrite-oppskriften"
notat "endringer per filtype: $(git -C "$KODE" diff --name-only HEAD~1 | sed -E 's/.*\.//' | sort | uniq -c | awk '{printf "%s %s, ", $1, $2}' | sed 's/, $//')"

# --- 3. Det oppskriften ikke dekker -----------------------------------------------------------------

melding "Steg utenom oppskriften"

# Bytter gruppe og artefakt for én avhengighet i pom.xml; valgfri versjon settes eller legges til.
bytt_avhengighet() {
  GAMMEL_G="$1" GAMMEL_A="$2" NY_G="$3" NY_A="$4" NY_V="${5:-}" perl -0pi -e '
    s{<dependency>((?:(?!</dependency>).)*?)</dependency>}{
      my $blokk = $1;
      if ($blokk =~ m{<groupId>\Q$ENV{GAMMEL_G}\E</groupId>\s*<artifactId>\Q$ENV{GAMMEL_A}\E</artifactId>}) {
        $blokk =~ s{<groupId>\Q$ENV{GAMMEL_G}\E</groupId>}{<groupId>$ENV{NY_G}</groupId>};
        $blokk =~ s{<artifactId>\Q$ENV{GAMMEL_A}\E</artifactId>}{<artifactId>$ENV{NY_A}</artifactId>};
        if ($ENV{NY_V} ne "") {
          if ($blokk =~ m{<version>}) { $blokk =~ s{<version>[^<]*</version>}{<version>$ENV{NY_V}</version>}; }
          else { $blokk =~ s{(</artifactId>)}{$1\n      <version>$ENV{NY_V}</version>}; }
        }
      }
      "<dependency>$blokk</dependency>";
    }gse' "$KODE/pom.xml"
}

fjern_avhengighet() {
  GAMMEL_G="$1" GAMMEL_A="$2" perl -0pi -e '
    s{\n[ \t]*<dependency>(?:(?!</dependency>).)*?<groupId>\Q$ENV{GAMMEL_G}\E</groupId>\s*<artifactId>\Q$ENV{GAMMEL_A}\E</artifactId>(?:(?!</dependency>).)*?</dependency>}{}gs' \
    "$KODE/pom.xml"
}

har_avhengighet() {
  perl -0ne "exit(!m{<groupId>\\Q$1\\E</groupId>\\s*<artifactId>\\Q$2\\E</artifactId>})" "$KODE/pom.xml"
}

# Versjonen pom.xml oppgir for en avhengighet (egenskaper som ${x.version} slås opp).
versjon_i_pom() {
  local v
  v="$(G="$1" A="$2" perl -0ne 'print $1 if m{<groupId>\Q$ENV{G}\E</groupId>\s*<artifactId>\Q$ENV{A}\E</artifactId>\s*<version>([^<]+)</version>}' "$KODE/pom.xml")"
  if [[ "$v" =~ ^\$\{(.+)\}$ ]]; then
    v="$(P="${BASH_REMATCH[1]}" perl -0ne 'print $1 if m{<\Q$ENV{P}\E>([^<]+)</\Q$ENV{P}\E>}' "$KODE/pom.xml")"
  fi
  echo "$v"
}

# Pakker om et bibliotek som bare finnes for Camunda 7: klassene flyttes fra org.camunda.bpm/spin
# til org.operaton.bpm/spin (maven-shade-plugin), og resultatet legges i det lokale Maven-lageret
# som OMPLASSERT_PREFIKS+gruppe:artefakt:versjon. Bibliotekets andre avhengigheter følger med.
# Klasser som har fått nytt navn i Operaton (AbstractCamundaConfiguration → AbstractOperatonConfiguration)
# finnes i første runde og flyttes enkeltvis i andre. Metoder kan ikke få nytt navn på denne måten.
# Bare for prøven: en ekte flytting trenger bibliotekenes egne Operaton-utgaver (se dokumentet).
skriv_omplasseringspom() {  # mappe gruppe artefakt versjon inkluder ekstra-relocations
  cat >"$1/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>$OMPLASSERT_PREFIKS$2</groupId>
  <artifactId>$3</artifactId>
  <version>$4</version>
  <description>$2:$3:$4 med klassene flyttet til Operatons pakker (prøveflytting)</description>
  <dependencies>
    <dependency>
      <groupId>$2</groupId>
      <artifactId>$3</artifactId>
      <version>$4</version>
      <!-- Camunda selv kommer ikke med: Operaton står for de klassene -->
      <exclusions>
        <exclusion><groupId>org.camunda.bpm</groupId><artifactId>*</artifactId></exclusion>
        <exclusion><groupId>org.camunda.bpm.model</groupId><artifactId>*</artifactId></exclusion>
        <exclusion><groupId>org.camunda.bpm.dmn</groupId><artifactId>*</artifactId></exclusion>
        <exclusion><groupId>org.camunda.spin</groupId><artifactId>*</artifactId></exclusion>
        <exclusion><groupId>org.camunda.commons</groupId><artifactId>*</artifactId></exclusion>
      </exclusions>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-shade-plugin</artifactId>
        <version>$SHADE_PLUGIN_VERSJON</version>
        <executions>
          <execution>
            <phase>package</phase>
            <goals><goal>shade</goal></goals>
            <configuration>
              <artifactSet><includes><include>$5</include></includes></artifactSet>
              <createDependencyReducedPom>true</createDependencyReducedPom>
              <promoteTransitiveDependencies>true</promoteTransitiveDependencies>
              <relocations>
$6
                <relocation><pattern>org.camunda.bpm</pattern><shadedPattern>org.operaton.bpm</shadedPattern></relocation>
                <relocation><pattern>org.camunda.spin</pattern><shadedPattern>org.operaton.spin</shadedPattern></relocation>
                <relocation><pattern>org.camunda.commons</pattern><shadedPattern>org.operaton.commons</shadedPattern></relocation>
              </relocations>
              <transformers>
                <transformer implementation="org.apache.maven.plugins.shade.resource.ServicesResourceTransformer"/>
                <transformer implementation="org.apache.maven.plugins.shade.resource.AppendingTransformer">
                  <resource>META-INF/spring.factories</resource>
                </transformer>
              </transformers>
              <filters>
                <filter>
                  <artifact>*:*</artifact>
                  <excludes>
                    <exclude>META-INF/maven/**</exclude>
                    <exclude>META-INF/*.SF</exclude>
                    <exclude>META-INF/*.DSA</exclude>
                    <exclude>META-INF/*.RSA</exclude>
                  </excludes>
                </filter>
              </filters>
            </configuration>
          </execution>
        </executions>
      </plugin>
    </plugins>
  </build>
</project>
POM
}

omplasser() {
  local g="$1" a="$2" v="$3" inkluder="${4:-$1:$2}" mappe="$ARBEID/omplassert/$2" klasser="" k gammel ny
  mkdir -p "$mappe"
  skriv_omplasseringspom "$mappe" "$g" "$a" "$v" "$inkluder" ""
  if ! mvn_kode -f "$mappe/pom.xml" package >"$LOGG/omplassert-$a.log" 2>&1; then
    tail -30 "$LOGG/omplassert-$a.log"
    melding "Ompakkingen av $g:$a:$v feilet (se $LOGG/omplassert-$a.log)"
    exit 1
  fi
  for k in $(unzip -p "$mappe/target/$a-$v.jar" '*.class' \
    | grep -aoE 'org/operaton/(bpm|spin|commons)/[A-Za-z0-9_/]*Camunda[A-Za-z0-9_]*' | sort -u); do
    gammel="$(echo "org/camunda/${k#org/operaton/}" | tr / .)"
    ny="$(echo "$gammel" | sed 's/camunda/operaton/g; s/Camunda/Operaton/g')"
    case "$gammel" in
      # AbstractOperatonConfiguration krever egenskapene i konstruktøren; foreldreklassen gjør ikke det
      # (prosessdekningens motortillegg bruker bare preInit).
      org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration)
        ny=org.operaton.bpm.spring.boot.starter.util.SpringBootProcessEnginePlugin ;;
    esac
    klasser+="                <relocation><pattern>$gammel</pattern><shadedPattern>$ny</shadedPattern></relocation>"$'\n'
    notat "$a: klassen $gammel flyttes til $ny"
  done
  skriv_omplasseringspom "$mappe" "$g" "$a" "$v" "$inkluder" "$klasser"
  if ! mvn_kode -f "$mappe/pom.xml" clean install >>"$LOGG/omplassert-$a.log" 2>&1; then
    tail -30 "$LOGG/omplassert-$a.log"
    melding "Ompakkingen av $g:$a:$v feilet (se $LOGG/omplassert-$a.log)"
    exit 1
  fi
}

# 3a. Biblioteker uten Operaton-utgave å hente (camunda-bpm-data, prosessdekningen) og
#     Operaton-artefakter som ikke kan hentes her: ompakket Camunda-utgave, eller fjernet når
#     koden ikke bruker dem.
if har_avhengighet io.holunda.data camunda-bpm-data; then
  v="$(versjon_i_pom io.holunda.data camunda-bpm-data)"
  omplasser io.holunda.data camunda-bpm-data "$v"
  bytt_avhengighet io.holunda.data camunda-bpm-data "${OMPLASSERT_PREFIKS}io.holunda.data" camunda-bpm-data
  notat "io.holunda.data:camunda-bpm-data:$v ompakket til Operatons pakker (ingen Operaton-utgave å hente)"
fi
DEKNING_G=org.camunda.community.process_test_coverage
DEKNING_A=camunda-process-test-coverage-spring-test-platform-7
if har_avhengighet "$DEKNING_G" "$DEKNING_A"; then
  v="$(versjon_i_pom "$DEKNING_G" "$DEKNING_A")"
  omplasser "$DEKNING_G" "$DEKNING_A" "$v" "$DEKNING_G:*"
  bytt_avhengighet "$DEKNING_G" "$DEKNING_A" "$OMPLASSERT_PREFIKS$DEKNING_G" "$DEKNING_A"
  notat "$DEKNING_G:$DEKNING_A:$v ompakket til Operatons pakker (ingen Operaton-utgave å hente)"
fi
if har_avhengighet org.operaton.bpm operaton-bpm-assert \
  && ! finnes_artefakt "org.operaton.bpm:operaton-bpm-assert:$OPERATON_VERSJON"; then
  omplasser org.camunda.bpm camunda-bpm-assert 7.24.0
  bytt_avhengighet org.operaton.bpm operaton-bpm-assert "${OMPLASSERT_PREFIKS}org.camunda.bpm" camunda-bpm-assert 7.24.0
  notat "operaton-bpm-assert:$OPERATON_VERSJON kan ikke hentes: camunda-bpm-assert:7.24.0 ompakket i stedet"
fi
if har_avhengighet org.operaton.bpm operaton-bpm-junit5 \
  && ! finnes_artefakt "org.operaton.bpm:operaton-bpm-junit5:$OPERATON_VERSJON"; then
  if grep -rqE 'org\.operaton\.bpm\.(extension\.junit5|engine\.test\.junit5)' "$KODE/src"; then
    melding "operaton-bpm-junit5:$OPERATON_VERSJON kan ikke hentes, og koden bruker den"
    exit 1
  fi
  fjern_avhengighet org.operaton.bpm operaton-bpm-junit5
  notat "operaton-bpm-junit5:$OPERATON_VERSJON kan ikke hentes og brukes ikke av koden: fjernet"
fi
if har_avhengighet org.operaton.spin operaton-spin-dataformat-json-jackson \
  && ! finnes_artefakt "org.operaton.spin:operaton-spin-dataformat-json-jackson:$OPERATON_VERSJON"; then
  omplasser org.camunda.spin camunda-spin-dataformat-json-jackson 7.24.0
  bytt_avhengighet org.operaton.spin operaton-spin-dataformat-json-jackson \
    "${OMPLASSERT_PREFIKS}org.camunda.spin" camunda-spin-dataformat-json-jackson 7.24.0
  notat "operaton-spin-dataformat-json-jackson:$OPERATON_VERSJON kan ikke hentes: camunda-spin-dataformat-json-jackson:7.24.0 ompakket i stedet"
fi
lagre_steg "avhengigheter oppskriften ikke dekker"

# 3b. Spring-egenskapene: camunda.bpm heter operaton.bpm (det oppskriften ikke fikk med seg), og
#     webappene beholder adressen /camunda, så lenker i e-poster og bokmerker virker som før.
for fil in "$KODE"/src/main/resources/application*.yaml "$KODE"/src/test/resources/application*.yaml; do
  [ -f "$fil" ] || continue
  perl -pi -e 's/^camunda:/operaton:/' "$fil"
done
APP="$KODE/src/main/resources/application.yaml"
if ! grep -q 'application-path: /camunda' "$APP"; then
  # Første «webapp:» i filen er operaton.bpm.webapp (med eller uten oppskriftens omskrivning).
  perl -0pi -e 's/^( *)webapp:\n/$1webapp:\n$1  # Prøveflyttingen: webappene blir på \/camunda (Operatons standard er \/operaton).\n$1  application-path: \/camunda\n/m' "$APP"
fi
grep -q 'application-path: /camunda' "$APP" || { melding "Fant ikke operaton.bpm.webapp i $APP"; exit 1; }
lagre_steg "Spring-egenskaper (operaton.bpm, webappene på /camunda)"

# 3c. Tekster i koden som oppskriften ikke ser: egenskapsnavn i strenger (camunda.bpm.admin-user…)
#     og administratorgruppen, som i Operaton heter operaton-admin.
while IFS= read -r -d '' fil; do
  perl -pi -e 's/(?<![\w.])camunda\.bpm\./operaton.bpm./g; s/\bcamunda-admin\b/operaton-admin/g' "$fil"
done < <(find "$KODE/src" -type f \( -name '*.java' -o -name '*.yaml' -o -name '*.properties' \) -print0)
lagre_steg "egenskapsnavn og administratorgruppen i koden"

# 3d. De norske overstyringene av webappene (locales/nb.json, scripts/config.js …) ligger der
#     Operatons webjar har sine filer: META-INF/resources/webjars/operaton.
WEBJAR="$KODE/src/main/resources/META-INF/resources/webjars"
if [ -d "$WEBJAR/camunda" ]; then
  mkdir -p "$WEBJAR/operaton"
  cp -a "$WEBJAR/camunda/." "$WEBJAR/operaton/"
  rm -rf "$WEBJAR/camunda"
fi
lagre_steg "webappenes norske filer under webjars/operaton"

notat "alle endringer: git -C $KODE log --stat"

# --- 4. Kompilering og testpakken ---------------------------------------------------------------

KOMPILER_START=$SECONDS
melding "Kompilerer (./mvnw -DskipTests test-compile)"
if mvn_kode -DskipTests test-compile >"$LOGG/kompilering.log" 2>&1; then
  KOMPILERING=ok
  notat "kompilering: ok ($(varighet $KOMPILER_START))"
else
  KOMPILERING=feilet
  notat "kompilering: feilet ($(varighet $KOMPILER_START)), se $LOGG/kompilering.log"
  grep -E '^\[ERROR\] .*\.java' "$LOGG/kompilering.log" | sed "s|$KODE/||" | head -40 | tee -a "$SAMMENDRAG"
  grep -E '^\[ERROR\] Failed to execute|Could not resolve|could not be resolved' "$LOGG/kompilering.log" \
    | head -5 | tee -a "$SAMMENDRAG"
fi

if [ "$KOMPILERING" = ok ] && [ "$BARE_KOMPILER" = false ]; then
  if [ ! -x /usr/bin/chromedriver ]; then
    notat "advarsel: /usr/bin/chromedriver mangler; nettlesertestene vil feile (CI=true)"
  fi
  TEST_START=$SECONDS
  melding "Kjører testpakken (CI=true ./mvnw verify ${MAVEN_EKSTRA[*]:-})"
  set +e
  (cd "$KODE" && CI=true ./mvnw -B -ntp verify ${MAVEN_EKSTRA[@]+"${MAVEN_EKSTRA[@]}"}) >"$LOGG/verify.log" 2>&1
  VERIFY_RC=$?
  set -e
  notat "./mvnw verify: avslutningskode $VERIFY_RC ($(varighet $TEST_START)), se $LOGG/verify.log"
fi

# --- 5. Sammendrag av testrapportene -----------------------------------------------------------------

cat >"$ARBEID/Testrapporter.java" <<'JAVA'
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Sums up the Surefire/Failsafe XML reports under target/ and lists the tests that did not pass. */
public class Testrapporter {
  public static void main(String[] args) throws Exception {
    File target = new File(args[0]);
    File[] mapper = target.listFiles(f -> f.isDirectory()
        && (f.getName().startsWith("surefire-reports") || f.getName().startsWith("failsafe-reports")));
    if (mapper == null || mapper.length == 0) {
      System.out.println("    ingen testrapporter i " + target);
      return;
    }
    java.util.Arrays.sort(mapper);
    int kjort = 0, feilet = 0, feil = 0, hoppet = 0;
    List<String> ikkeBestatt = new ArrayList<>();
    var fabrikk = DocumentBuilderFactory.newInstance();
    for (File mappe : mapper) {
      int mk = 0, mf = 0, me = 0, mh = 0;
      File[] rapporter = mappe.listFiles(f -> f.getName().startsWith("TEST-") && f.getName().endsWith(".xml"));
      if (rapporter == null || rapporter.length == 0) continue;
      java.util.Arrays.sort(rapporter);
      for (File rapport : rapporter) {
        Element suite = fabrikk.newDocumentBuilder().parse(rapport).getDocumentElement();
        NodeList tilfeller = suite.getElementsByTagName("testcase");
        for (int i = 0; i < tilfeller.getLength(); i++) {
          Element tilfelle = (Element) tilfeller.item(i);
          mk++;
          String navn = tilfelle.getAttribute("classname") + "#" + tilfelle.getAttribute("name");
          Element utfall = forste(tilfelle, "failure", "error", "skipped");
          if (utfall == null) continue;
          switch (utfall.getTagName()) {
            case "failure" -> { mf++; ikkeBestatt.add("[feilet] " + navn + " (" + mappe.getName() + ")\n        " + grunn(utfall)); }
            case "error" -> { me++; ikkeBestatt.add("[feil] " + navn + " (" + mappe.getName() + ")\n        " + grunn(utfall)); }
            default -> mh++;
          }
        }
      }
      System.out.printf("    %-28s %4d kjørt, %3d feilet, %3d feil, %3d hoppet over%n", mappe.getName(), mk, mf, me, mh);
      kjort += mk; feilet += mf; feil += me; hoppet += mh;
    }
    System.out.printf("    totalt: %d kjørt, %d bestått, %d feilet, %d feil, %d hoppet over%n",
        kjort, kjort - feilet - feil - hoppet, feilet, feil, hoppet);
    if (!ikkeBestatt.isEmpty()) {
      System.out.println("    tester som ikke besto:");
      ikkeBestatt.forEach(t -> System.out.println("      " + t));
    }
  }

  private static Element forste(Element tilfelle, String... navn) {
    for (Node n = tilfelle.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        for (String s : navn) if (e.getTagName().equals(s)) return e;
      }
    }
    return null;
  }

  private static String grunn(Element utfall) {
    String tekst = utfall.getAttribute("message");
    if (tekst.isBlank()) tekst = utfall.getTextContent();
    tekst = utfall.getAttribute("type") + ": " + tekst.strip().lines().findFirst().orElse("");
    return tekst.length() > 300 ? tekst.substring(0, 300) + " …" : tekst;
  }
}
JAVA

melding "Resultat"
notat "oppskrift: $([ "$OPPSKRIFT" = operaton ] && echo "$OPERATON_OPPSKRIFT ($OPERATON_OPPSKRIFT_NAVN)" || echo "egen ($EGEN_OPPSKRIFT_NAVN)"), Operaton $OPERATON_VERSJON"
notat "kompilering: $KOMPILERING"
if [ -d "$KODE/target" ]; then
  java "$ARBEID/Testrapporter.java" "$KODE/target" | tee -a "$SAMMENDRAG"
fi
notat "tid i alt: $(varighet $START)"
notat "sammendraget ligger i $SAMMENDRAG"

[ "$KOMPILERING" = ok ] || exit 1
[ "${VERIFY_RC:-0}" -eq 0 ] || exit 1
