# Counts of an 835 by an independent parser (Debian's libx12-parser-perl),
# for test/x12_835_crosscheck.sh: one line per file,
#   name|claims|service lines|sum CLP04|sum SVC03|CAS reasons|sum of CAS amounts
use strict;
use warnings;
use X12::Parser;

for my $file (@ARGV) {
    my $p = new X12::Parser;
    $p->parsefile(file => $file, conf => '/usr/share/perl5/X12/Parser/cf/835_004010X091.cf');
    my $es = $p->get_element_separator;
    my ($claims, $lines, $clp04, $svc03, $cas, $cas_sum) = (0, 0, 0, 0, 0, 0);
    while (my ($pos, $loop) = $p->get_next_pos_loop) {
        for my $seg ($p->get_loop_segments) {
            $seg =~ s/^\s+//;
            my @e = split /\Q$es\E/, $seg, -1;
            next unless @e;
            if ($e[0] eq 'CLP') { $claims++; $clp04 += $e[4]; }
            elsif ($e[0] eq 'SVC') { $lines++; $svc03 += $e[3]; }
            elsif ($e[0] eq 'CAS') {
                for (my $i = 2; $i <= 17; $i += 3) {
                    next unless defined $e[$i] && $e[$i] ne '';
                    $cas++; $cas_sum += $e[$i + 1];
                }
            }
        }
    }
    $p->closefile;
    (my $name = $file) =~ s{.*/}{};
    printf "%s|%d|%d|%.2f|%.2f|%d|%.2f\n", $name, $claims, $lines, $clp04, $svc03, $cas, $cas_sum;
}
