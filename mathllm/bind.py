"""Stage 3b, bind: put a parameter on the number the problem states in its unit.

A small model given a solved example of the right kind copies the example's program well, but
often binds a number of the text to the wrong parameter: for "1.9 s after a 1 kg mass on a
183 N/m spring" it writes ``m = 1.9  # mass [kg]``. The unit in the parameter's own comment
says what is wrong, and the text says what is right. Two rules move a parameter, each only on
clear evidence:

1. **Stated in another parameter's unit.** The parameter's value comes from a number of the
   text written in a *different* unit that another parameter of the program has ("1.9 s" for
   a ``[kg]`` parameter while ``t_query`` is in ``[s]``), and exactly one number of the text is
   written in the parameter's own unit ("1 kg"), not counting a zero beside another number
   ("from 0 V on a 9 V supply"), or, of several, exactly one that no parameter takes ("an 88%
   alloy into 16 kg of 58% alloy ... 78%" with 58% and 78% taken; or the one number the text
   writes more often than parameters take it, "the first (2,000 L) ... the second (2,000 L)"
   with only ``volume1 = 2000``; not for a cell of a linear program's table, rule 6's to place,
   nor when two parameters want that one number): it moves there. A unit of the same
   dimension counts as the parameter's own, converted ("47 kΩ" is 47000 for ``R  # [Ohm]``;
   time, mass, length, volume, resistance, capacitance, voltage, current, and quotients of
   them: ``[kg/L]``, ``[1/h]``). A number written in a unit of measure
   of another dimension moves so too when no other parameter has that unit, onto the one number
   of the parameter's unit no parameter takes ("a single oral dose of 250 mg ... absorption at
   1.5 per hour" read as ``ka = 250  # [1/h]`` in a program with no dose), and so does one
   written with a plural noun of things counted ("Rosa's notebook has 41 pages" read as ``C_uF =
   41``: onto "a 1000 µF capacitor"). Rule 1 runs again
   after rule 3, which can free such a number. For money the unit is clear even when no
   parameter has the word after the number: ``total = 1513  # [USD]`` for "The school has 1,513
   students" moves onto the one amount in dollars no parameter takes ("$201"). Two parameters
   that each hold, alone, a number written in the other's unit and not in their own trade them,
   converted ("the pass (2,250 m) ... the town at 50 m records 30 °C" read as ``T_base = 2250  #
   [°C]`` and ``h_top = 30  # [m]``). A number that only parameters of another dimension take
   is free in its own: "4 °C at that moment, 8 °C after 8 minutes" read as ``t1 = t2 = 8  #
   [min]`` and ``T1 = 21  # [°C]`` (the "21 minutes" asked) leaves the 8 °C to ``T1``.
2. **One number for two parameters.** Several parameters of one unit take the same number
   although the text writes it fewer times ("reaches 14 °C when the air is -1 °C" read as
   ``T_air = 14`` and ``T_target = 14``), and exactly one number written in that unit is used by
   no parameter ("-1 °C"): the parameter whose description best matches the words around that
   number (strictly better than the others: "air") moves there; if that number stands in the
   question's sentence and one of them is described as the value "of interest", that one
   ("What will it read 48 minutes after ...?" for ``t2  # time of interest``, not ``t1  # time
   of the second reading``, whose words "read" fits). Where the words single none out: two
   parameters that differ only by an index (``S1_0``, ``S2_0``) and a text that lists the two
   numbers side by side ("they start with 18.8 and 6.2 kg") go by the list's order; or, of two
   takers, the one whose words are around the shared number keeps it and the other moves ("at
   $20.69 each with a variable cost of $10.83" read as ``price = variable_cost = 10.83``), unless
   another parameter of the unit holds a value the text does not give. And where a number written once
   is taken by one parameter in its unit and one count (``[1]``), ("236 tickets cost £4,744 ...
   £23 apiece" read as ``total_count = 23`` beside ``price_adult = 23  # [GBP]``), the count
   takes the one whole number of the text that no parameter takes, if there is exactly one.
   And where a percentage is taken by a rate per year (``[1/year]``) and another parameter
   ("5% of which is paid up front ... at 3.5% a year" read as ``down_fraction = 0.035`` beside
   ``rate = 0.035``) and one other percentage is free, and exactly one of the two is written as
   a rate per year ("a year", "annually", "p.a.", "an annual rate of"), the rate takes that one
   and the other parameter the other. And two parameters of one unit that each hold a number
   whose word (right after it) names the other and not itself ("130 aphids and 86 ladybirds"
   read as ``x0 = 86  # initial aphids``, ``y0 = 130  # initial ladybirds``) trade their numbers,
   as do one holding such a number and the other holding a zero the text does not write
   ("begins with 80 infectious cases only" read as ``E0 = 80``, ``I0 = 0``). Where two
   parameters of different units share a number the text writes once ("an oral bioavailability
   of 75%" as ``F = 0.75`` and ``ka = 0.75  # [1/h]``) and exactly one of them has exactly one
   free number written in its own unit ("1.2 per hour"), that one moves there. The one parameter
   of a unit described as what the question asks about ("of interest", "simulated period",
   "time horizon") takes the one number the question's sentence (one that ends in "?") writes
   in that unit ("on day 61", "during the first 180 days"): where no parameter takes it, or by
   trading with the one other parameter of the unit that does (``incubation_days = 61``, which
   takes the period's number, or the one free number of the unit where the period's is none of
   the text's), unless the period's own number stands in the question too ("How many years
   until a town of 27,800 people ... reaches 83,400?"); a request without a question mark counts
   as the question ("Scale this up or down to 720 kilometres and report the fuel needed."). And
   two parameters that differ only by
   an index, each holding the number the text gives right after the other's ordinal ("the first
   (800 L) ... the second (2,000 L)" read as ``volume1 = 2000``, ``volume2 = 800``). And
   parameters that differ only by their numbers and hold between them one whole list of the
   text in their unit ("they start with 2,250 and 150 g" read as ``S1_0 = 150``, ``S2_0 =
   2250``) take it in the order of their numbers. And two parameters of one unit, each holding a
   number written in it, trade them where a parameter of another unit shares words with one of
   them alone and its number, written in its unit, stands right beside the other's in one clause
   ("How warm is it at the hut (2,350 m) ... when the town at 350 m records 22 °C" read as
   ``h_base = 2350  # altitude of the base station``, ``h_top = 350`` beside ``T_base = 22  #
   temperature at the base station``). And two parameters of one unit (not cells of a linear
   program's table), each holding a number written in it whose words around it fit the other at
   least as well and the two together clearly better, counting only the words that tell the two
   apart ("a latent period averaging 4 days and recovery after 3 days" read as
   ``incubation_days = 3``, ``infectious_days = 4``, latent counting as the incubation period's
   word, recovery as the infectious period's; "at 16 dollars each with a variable cost of 5.65
   dollars per unit" as ``price = 5.65``, ``variable_cost = 16``, "per unit" being both's), trade
   their numbers, unless one is the time asked about and holds the question's number ("What will
   it read 7 hours after ...?" for ``t2  # time of interest``, though "read" is ``t1  # second
   reading``'s word). A number written in a measure of another dimension is not taken by a
   parameter that only holds its value: "3 infectious cases" for ``I0 = 3`` leaves "recovery
   after 3 days" free for the parameters in days; nor is it a second writing of a number two
   initial values share ("begins with 3 infectious cases only ... recovery after 3 days" read as
   ``E0 = I0 = 3``: the one the word does not name, ``E0``, starts at zero). A count holding a
   number written with a noun its description does not use ("The reserve covers 201 hectares"
   for ``x0  # initial hares``) takes the one free number written with a noun it does use, and
   no other parameter's ("250 hares"). The question's conditions begin at "if", "given",
   "assuming", "provided", or a relative clause of what happened before ("What is the expected
   count after 5 days for a duckweed mat that grows exponentially from 2,000 fronds at t = 1 d
   to 4,230 at t = 3 d?": 5 is the question's number, 1 and 3 its data). After the rules above,
   two parameters of one unit that hold the one number of it the text writes once, where the
   text writes exactly one number of that unit no parameter takes (:func:`_twins`): for names
   that differ only by their numbers (``t1 = t2 = 1``, "... at t = 3 d"; ``S1_0 = S2_0 = 0``,
   "they start with 0 and 400 g"), the later-numbered one takes it where it is written after
   the held number, the earlier one where before; for counts of things (``E0 = I0 = 5  #
   [people]``, "5 exposed and 8 infectious cases"), the one the word after the free number
   names. And a change written "from A to B" (each number written once), held the other way
   round by a parameter named for its start and one named for its end (``old = 1963``, ``new =
   2337`` for "it moved from 2,337 to 1,963"): they trade.
3. **A value the text does not give.** A parameter's value is no number of the text and no
   convention (``R = 1000000  # [Ohm]`` for "discharging through 220 Ω"; the verifier's
   "values not given"), or only a unit conversion of a number another parameter takes
   (``m = 1700000  # [kg]`` beside ``t_query = 1.7  # [s]``) or of a number written in a
   measure of another dimension (``ka = 0.6  # [1/h]`` for "600 mg"), or only a denominator ("per
   1,000 ft" as an altitude of 1,000 ft), it is the only such parameter of
   its unit, it is not the difference, sum, product or ratio of two numbers of the text (a
   step of 4 between rows of 20 and 24 seats; a ratio of two numbers written in one unit is
   no value in a unit: "2,000 L and 1,000 L" give no 0.5 for ``[kg/L]``, nor is a ratio of two
   measures whose quotient is of another dimension: "200 L" and "40 kg" give no 5 for
   ``[L/min]``; a time of day gives only its difference from another, "at 8:00 ... at 10:00"
   2, "a coffee at 9:00" nothing; nor are a sum,
   difference or product of two measures of different dimensions one: 12 years times 1,000 EUR,
   2.1 hours less 1.5 per hour), no two parameters of the unit share a number (a parameter's
   number is the one written with its value's sign where there is one: ``T_air = 9`` takes "9
   °C", not "-9 °C"),
   and exactly one number written in that unit (a percentage, for a rate such as ``[1/year]``
   or a fraction in ``[1]``; for a rate also a count per its unit of time of what it counts,
   "1.05 contacts per day" for ``beta  # contact rate [1/day]``; for a fraction also a rate out
   of a round base, "41 per 1,000
   people" as 0.041; the numerator of a rate's unit, "1.50 CHF is charged per gigabyte"
   for ``[CHF/GB]``; any whole number for a whole count in ``[1]``; never a denominator) is taken
   by no parameter of that unit ("220 Ω", once rule 1 moved the capacitance off it;
   "16 kg" held by a concentration in ``[%]``; a unit of the same dimension counts, converted:
   "2.2 kΩ" for ``R  # [Ohm]``; of a number in the rate's own unit and percentages, the one in
   its unit: "absorption at 3 per hour and a bioavailability of 50%"): it moves there. Two made-up values wanting the one same
   number ("0.8% per year" for a rate and for a share) both stay. A fraction holding a rate out of
   a round base scaled by another power of ten ("56 per 1,000 people" as ``prevalence =
   0.000056``) takes the rate over its base (0.056), unless another number of the text gives
   its value. A convention literal in a span of time is made up too (``years = 12  # [year]``
   for "after 7 years"), unless it is one of a larger unit (365 days, 24 h) or described as
   "per" something. Where the text says a tank starts as pure water and writes no amount in the
   unit, an initial amount or concentration of salt that is made up, or a number written in a
   measure of another dimension ("10 L/min" as ``S1_0 = 10  # [kg]``), is 0, and so is a delay
   or head start in a unit of time where the text says both start together and writes no number
   in that unit ("both starting together" beside ``delay = 0.5  # [h]``). A temperature whose
   value is the text's with the other sign (``T_air = -8`` for "8 °C"), where no number of the
   text is written with its sign, takes the text's, unless words after it put it below zero.
   A count or fraction (``[1]``) holding a number written in a unit of measure its words do not
   name ("6 runs of the 5 km park loop" read as ``n_runs = 5``; "absorbed at 0.8 per hour" as
   ``F = 0.8``) is made up too, its value no difference. A zero of the text is such a number
   only where it is written in the parameter's own unit ("the thermometer shows 0 °C" for a
   made-up ``T_air = -6``) and no parameter of that unit holds zero. An initial amount or
   concentration of something dissolved left at zero (``S1_0 = 0``) is made up where the text
   says nothing of a start with none (no "pure water", "no", "empty", "zero", ...). Several
   made-up values of one unit whose names number them (``S1_0``, ``S2_0``) take, in the order
   of those numbers, the free numbers of their unit where the text writes exactly as many as one
   list ("they start with 3.2 and 60 kg of salt"); so do, in rule 1, numbered parameters that
   each hold a number of another unit ("25 g/L" and "10 L/min" as ``S1_0 = 25``, ``S2_0 =
   10``). Several made-up counts of one unit that is no measure (``N = E0 = 12  # [people]``
   for "a city of 1.2 million people ... 40 exposed cases") each take the one free number whose
   word names it ("40 exposed" for ``E0  # initially exposed``) or, failing that, the one of
   their unit the others leave ("1.2 million people"), where each ends with a number of its own.
   A value that is only a conversion of a number another parameter takes (``c_in = 0.1
   # [kg/L]`` beside "100 L") is made up even where it is also the ratio of two numbers. A
   made-up fraction (``[1]``) whose most specific word the text never uses and which the
   program only multiplies by (``F = 0.621  # oral bioavailability`` in ``F * dose`` for a text
   that says nothing of bioavailability) is 1, and so is one holding only a number another
   parameter of another unit holds too (``F = 0.8`` beside ``ka = 0.8  # [1/h]`` for "absorption
   at 0.8 per hour"); this runs again after rule 2. A made-up count (``[1]``) named for someone
   or something the text never names, which the program only adds to others (``ratio_jamal = 1  #
   Jamal's part of the ratio`` in ``ratio_quinn + ratio_dara + ratio_jamal`` for a profit Dara
   and Mateo share), is 0. A count whose unit is the noun of what it counts (``cookies_known  #
   [cookie]``, ``[people]``) is a count here too: holding a measure ("300 g of flour") it takes
   the one free number written with the word its kin (the other counts of that noun) are written
   with ("10 people" held by ``cookies_target`` makes it "4 people", not "2 eggs"), and nothing
   where there is no such kin. A zero the text writes where something starts ("a capacitor
   charging from 0 V through 1 kΩ on a 24 V supply"), held by a parameter that is no start
   (``V_s = 0  # supply voltage``: not described as initial, starting, at rest, nor named ``V0``),
   takes the one free number of its unit (24 V). A made-up value the program reads, beside the one
   other parameter of its unit that holds a number of the text and that the program never reads
   ("in 13 years' time" as ``years = 13``, unused, beside ``years_in_years = 12`` in the formula),
   takes that number. A conversion of a number that a data line of the program holds
   (``rate = 0.0643`` beside ``cash_flows = [64300, 58900, 52100]``) is no value either. Where
   several made-up values share a unit and only one of them can take any free number
   (``fraction_left = 0.00573  # [1]`` can take "57.1%", ``m0 = 57.1  # initial amount [1]``
   none), that one takes it.
4. **Its words are beside another number.** A number of the text that no parameter uses (and
   that is no "per 1,000" or "every $1", which programs leave implicit) has words of one
   parameter's description around it, within its sentence, is written in that parameter's unit
   (or the parameter is a count, ``[1]``), has at least 3 points by
   :func:`~mathllm.quantities.fit_score` and more than for any other parameter, and at least
   2 points more than any other free number has for it and than the number it took has ("a kick-off speed of 11 m/s"
   beside ``v0 = 9.8  # initial speed [m/s]`` taken from "g = 9.8 m/s²"): it moves there.

   A number's unit is the word written right after it, or, for a number of a list whose unit
   is written once after its last number ("18.8 and 6.2 kg", "20, 30 and 40 L"), that word.

5. **A coefficient of the polynomial the text writes.** A parameter described as the
   "coefficient of t^2" (of ``t``, of ``t^3``, "constant term") takes that coefficient of the
   one polynomial in ``t`` the text writes ("0.05t² + t + 3": 0.05, 1, 3; a power the text leaves
   out is 0); with "of V" it is the polynomial written as ``V(t) = ...``. The value comes
   from the text, sign included, so a small model's habit of binding "0.05" to the next
   coefficient it writes is undone.
6. **A cell of a linear program's table.** Parameters described as "<resource> per <item>"
   (``cutting_jacket = 15  # cutting time per jacket``) that form a table (each item with two or
   more resources, each resource with two or more items) and the capacities beside them
   (``# cutting time available per day``) take the one number of the text with their item and
   resource: the item is the nearest item word before the number in its sentence or list line,
   the resource the nearest resource word after it (else before it; a bare amount of money is the
   table's one money resource). A linear program the text writes in algebra ("x1 = jackets ...
   maximize the profit 90·x1 + 25·x2 subject to 15·x1 + 10·x2 ≤ 1,513 (cutting time, minutes)")
   is read by variable and row, a Markdown table by row and column header, a sentence that
   assigns "respectively" ("oatmeal (1.75 EUR) and yogurt (0.90 EUR) supplies, respectively,
   19 g of protein and 1 mg of iron; 5 g of protein and 4 mg of iron") by the k-th group after
   it, split at ";", for the k-th item named before it. Only when the text
   gives every cell exactly one number: a small model copies the numbers in the order of the
   shown example's text ("1,438 minutes of cutting time" read as the profit per jacket).
   A transport program's routes (``cost_p1_lyon``: a head, a source, a destination, one
   parameter for each pair) take the number the text writes after each route ("Plant 1 to Lyon
   15 EUR", "the quarry → building site 2 16 CHF"), the places found by name ("lyon"), by letter
   and number ("p1" for "Plant 1"), or, where the program names none of the text's places (the
   shown example's names), in the order the text writes them; the supplies and demands
   (``supply_p1``) take the one other number written after their place ("Stock sits at the
   quarry (175)"). Only where the text writes each route once (:func:`_routes`). A number in a
   place's name ("building site 1", "Plant 2": a word before the numbers 1, 2, ...) is no
   quantity of any rule.
7. **A percentage as a fraction.** A parameter in ``[%]`` holding a percentage of the text as a
   fraction (``p_each = 0.08  # [%]`` for "8%") while the program divides it by 100 takes the
   percentage as written. (Any move onto a percentage gives a ``[%]`` parameter the number as
   written, a fraction to any other.)
8. **A labelled number.** A parameter whose description names a label in brackets
   (``need_5 = 10  # nurses required in period 5 (16-20)``) takes the number right after that
   label and a colon or equals sign in the text ("16-20: 2"), if the text writes it so once.
9. **A data line copied in part.** A list of the text's data (:func:`mathllm.follow.data_lines`)
   that stops early or runs on (a small model copies the shown example's length): with three or
   more labelled readings in the text ("1970: 80, 1975: 74, ..."), the list starting with the
   first two labels becomes all the labels and the one starting with the first reading all the
   readings; a list whose first two or more numbers are consecutive numbers of the text and
   whose further numbers only repeat its own (or spell a number of the text split at its
   thousands comma, "10,900" read as 10, 900) is cut to the text's run; and a list that is part
   of one list the text writes (three or more numbers joined by commas or "and", each with the
   same unit word or none: "returns 7,800 dollars, 14,800 dollars, ..., 17,100 dollars") becomes
   that whole list; a list that is the text's list in order with other numbers among it, each
   repeating one of its own or (before its end) no number of the text ("20600, 20, 28300,
   22900, 22900" for "20,600, 28,300, 22,900"), becomes the text's list. Then, once more after
   rule 13, a parameter holding a number of a data line that the text writes once
   (``initial_cost = 44500`` beside ``cash_flows = [44500, ...]``) takes the one number of its
   unit that no parameter and no data line uses ("177,000 dollars"), if it is the only such
   parameter.

10. **Another unit of its dimension.** A parameter's value is a number of the text as written,
   which the text writes in another unit of the same dimension (time, mass, length, volume;
   months and years only with each other) than the parameter's comment names, no parameter
   has the text's unit and no number of the parameter's unit is free (``half_life = 360  #
   [h]`` for "360 minutes"): it takes the number converted (6). A rate per unit of time
   written as the text writes it, in a time unit no other parameter uses, while two or more
   other parameters all count time in one other unit (``R = 1.58  # [mg/min]`` beside ``CL  #
   [L/h]`` and ``t_query  # [h]``): it takes the rate in that unit (94.8) and its comment
   says ``[mg/h]`` (``Rebinding.unit``). Neither where the program scales the parameter itself
   (``rate_per_min * 60``). A total (``V  # [L]``, ``dose  # [mg]``) holding a number the text
   gives per kilogram of body weight ("0.5 L/kg", "15 mg/kg") takes it times the one body
   weight the text gives ("a 70 kg man": 35 L), where no parameter holds that weight (the
   program then multiplies nothing by it). A speed in mph (or m/s ...) whose only use is divided
   by 3.6 (``v0 = v0_mph / 3.6``, km/h into m/s) takes its value in km/h.

11. **Days between two weekdays.** The one parameter in days described as "days ahead" takes
   the count from the weekday the text calls today ("today (Sunday)") to the one other weekday
   it names ("rain on Tuesday": 2; the same weekday is 7).

12. **Numbers given "respectively".** "From a pool of 8 teachers and 7 students, 2 and 4
   respectively are chosen": each item has a number written with it and one given
   respectively. Where the program's parameters that name an item come in parallel pairs
   (``n_teacher``, ``k_teacher``; ``n_student``, ``k_student``) and the items bound right agree
   which role takes which number, a parameter holding another number of its item takes its
   role's (``n_student = 4`` -> 7).

13. **A list of parameters that is the text's list in part.** A program that builds its data
   from parameters (``data = np.array([commute_mon, ..., commute_sat])``: three or more names
   sharing a prefix, each used only there) while the text writes one list of data, labelled
   ("Mon 38, Tue 65, ..., Sun 14"; after the numbers: "48 in Jan, 29 in Feb", "77 on test 1,
   63 on test 2") or plain ("12.4, 15.1, 13.8, ..."), and at least half of the
   parameters' values are numbers of that list but not all of it in order: the parameters
   become the text's list, one per value, named by the prefix and the label
   (``commute_sun = 14  # commute time for Sun [min]``; by position for a plain list). A small
   model copies the shown example's length and labels (seven days for six heights).

14. **A count a year given in words.** The one parameter that counts compounding periods (or
   payments, times) a year (``periods_per_year  # compounding periods per year [1/year]``)
   takes the count the text writes in words beside "compounded", "credited", "paid", "adds"
   or "applied" (or before "compounding"), where it writes exactly one: "compounded quarterly",
   "credited every three months" and "with quarterly compounding" are 4, "twice a year" 2,
   "once a week" 52, "daily" 365 (360 where the text writes 360), "adds the interest at the end
   of each year" 1. Not "pays 1.75% annually"
   (the rate's unit) nor "monthly deposits". A small model copies the shown example's 12 or
   binds a number of the text ("every three months" as 3).

15. **Two lists of parameters, one pair of numbers per item.** A program that builds two lists
   from parameters named alike (``values = np.array([grade_physics, ...])``, ``weights =
   np.array([credits_physics, ...])``) while the text lists three or more items with two
   numbers each, in one run ("5 credit hours of Chemistry graded 3.7, 5 credit hours of Music
   graded 3.3, ...", "the homework (10% of the grade) came out at 54, ...", a table's rows):
   which number of an item goes to which list is read from the units (a percentage for
   ``[%]``, "EUR/kg" for ``[EUR/kg]``) and else from the values the model wrote. Where that is
   clear and at least half of the program's values are numbers of the items, both lists become
   the text's items, one parameter each, named by the item's label (the words that differ from
   item to item). A small model copies the shown example's items and their number. Not where a
   part of the list holds another count of numbers ("3D printer (2,500 euros -> 39 points)").
   An item's brackets are one item ("piano (18 points, costs 1,000 euros)"), and a clause after
   the list that sets a limit ("..., and never going over 10,500 euros") does not break it.
   Parameters named alike share the part of their names up to an underscore
   (``cost_solar_roof``, ``cost_staff_training``).

16. **Smaller readings** (the thirty-first session's, each from a fresh sample's wrong program):
   a parameter written with a thousands comma (``target = 24,000``, a tuple in Python) is the
   number it spells, before any rule; a zero the text writes once and a number, each in the
   other's unit, trade where the two names differ only by their quantity (``T_base = 0``,
   ``h_base = 26`` for "the town at 0 m records 26 °C"); "$7 is charged per hour" is a price in
   ``[USD/h]``, which a made-up rate takes; a limit (``capacity``, "max", "limit") is also named
   by "over", "exceed" and "most" ("never going over 4.5 kg"); a count of places to fill that
   holds the number of those who fill them (``k = n = 11``) takes the number of roles the text
   lists ("a president, a secretary and a treasurer", "first, second and third place"); two
   parameters indexed alike (``S1_0``, ``S2_0``) take the pair the text lists in their unit in
   index order ("they start with 0.4 and 0 kg of salt"); a tank that starts as pure water has
   no salt at the start before rule 1 can trade its number; a count a month holding the span in
   months beside a year's rate (``periods_per_month = years = 120`` for "over 120 months ...
   added monthly") is 12 a year and the span its years; a value converted though its name
   carries the unit the text writes it in (``C_uF = 47000`` for "47 µF") is taken as written,
   and one written in another unit is converted into the name's (``height_cm = 1.78`` for "1.78
   m": 178), though the program scales it itself (``height_cm / 100``);
   a fraction holding a unit conversion's factor (``fraction_left = 0.0254``) and a count
   holding a percentage's number (``k = 10`` beside "10%") are made up; a made-up value with
   several free numbers takes the one written with its own words; "only" names a start that
   holds a copy of the population (``E0 = 4800`` beside ``N = 4800``); in ``[million
   people]``, a number written with "million" is taken in full beside one written in full ("80
   infectious cases"); a count of things the text never names, with no free count, is one
   (``pens = 275`` for a garden with no pens); and where two parameters share a number and one
   must move, and its own words stand not at the free number but at one a third parameter holds
   without its own words, it takes that one and the third the free one ("9 °C 3 hours later, and
   the surroundings stay at 0 °C" for ``T_env = T_target = 4`` beside ``T1 = 0``). Also: made-up
   values of one unit that are each the same power of ten times a different free number take
   those numbers (``N0 = 1600000`` for "16,000 people"); a head start holding a count of things is
   none where they start together; a count a week holding the years is 52 a year; a half-life
   the text gives as a rate constant is ln 2 over it; parameters named after the shown example's
   people take the numbers written with the text's other names, in order, where one holds
   another's number; a made-up span takes the free number written in its own unit, and 24 hours
   is no day where the text names none; and two data lists that mix two families of parameters
   (``values = [price_tea, ..., mass_tea]``) become one family each (rule 15, first).

17. **Smaller readings** (the thirty-second session's, each from a fresh sample's wrong program):
   a parameter named for two units of one dimension from different systems (``kg_per_lb``,
   ``cm_per_inch``; no power of ten, no time) holding a number of the text takes the
   conversion's factor, before rule 1, and a value named in the unit the text writes it in
   (``weight_lb = 36  # [kg]``) times such a factor is no conversion for rule 10; a count in
   ``[1]`` holding a count of other things ("a homework sheet with 8 exercises" for ``count  #
   number of rows``) takes the one free count of its own things ("27 rows"), and "30 infectious
   cases" stays the infectious start's though another parameter names "infectious" too; a
   number written right after "reaches", "hits", "grows to" is the value reached, which the
   parameter of interest keeps where two share it; 12 periods "a month" beside a span in
   ``[month]`` that holds the months written is 12 a year and the span its years; a span in
   days the program divides by 365 holding a number written in months is that many twelfths of
   a year; a 1 in a compound unit the text writes a number in (``c = 1.0  # [N*s/m]`` beside
   "2.9 N·s/m") and a small count the text counts by its noun after "number of" (``k = 2  #
   number of successes wanted`` for "exactly 1 success") are made up, and a made-up count of
   things takes the one free count of the noun its words name ("30 aphids" for ``x0  # initial
   aphids``); a rate per unit of time holding a percentage's number whole (``ka = 60`` for
   "60%") is made up, and a fraction that is a percentage and, by its value, a rate too is the
   percentage's; a rate holding a number that stands with another parameter's words, and not
   its own, takes the free number in its unit that stands with its own ("absorption at 1.8 per
   hour ... an elimination rate constant of 0.1 per hour" for ``ka = 0.1``); two kinds indexed
   alike (``len_a``, ``need_a``) take the numbers the text writes in one clause together ("25
   measuring 75 cm and the other 19 measuring 60 cm"), and a whole number followed by
   "measuring" counts things; an amount held by a price per unit trades with a made-up amount
   where the words say so ("21.00 CHF per unit and fixed monthly costs of 14,500 CHF"); a
   counted list of flows with one item lost or changed among repeats and numbers not of the
   text becomes the text's list; "3D printer" is an item's name, not a third number (rule 15),
   and "costs £23,000" names the costs' list across the currency's sign; a number written twice
   and held twice leaves the free one to a made-up value, and "per 1,000 dollars" is no free
   amount for rule 2.
18. **Rates of half-lives, flows by their way, spans the program converts** (the thirty-third
   session's, read from problems written by others): a first-order rate constant the text does
   not give (``k = 0.5  # elimination rate constant [1/h]``), beside a half-life the text writes
   and no parameter holds ("its elimination half-life is 3.5 hours"), is ln 2 over that
   half-life in its own time unit, unless a parameter of the program is a half-life; an inflow
   and an outflow that read one number (``flow_in = flow_out = 6``) take the text's two numbers
   by the word before each ("flowing in at 8 L per minute", "drained at 6 L per minute"); a span
   the program multiplies by exactly the count of the text's unit in its own (``n = years * 12``
   for "over 48 months") is converted into its own unit (4 years), where other scaling keeps
   the number as written.
19. **Tables of the example's items, feet and inches, a unit's size** (the thirty-fourth
   session's, read from problems written by others): rule 6 reads a linear program's table
   whose items are the shown example's (``carpentry_table`` for a text of bookcases and desks):
   its columns, in the program's order, are the things the text gives figures for "each" or
   "every" of, in the order it first names them (:func:`text_items`), a column whose item the
   text does name keeping it; "5 ft 7 in" is one length (170.18 cm for ``[cm]``, rule 10); a
   number that states a unit's size ("the conversions 1 in = 2.54 cm and 1 lb = 0.4536 kg") is
   no candidate of rules 1 and 10.
20. **A limited route, none asked** (the thirty-seventh session's, read from problems written by
   others): a transport program's one route limit (``limit_depot_site1`` and its place in
   ``bounds``) sits on the route the text limits or closes ("at most 35 tonnes a day can be
   hauled from South Quarry to Site B", "The road from Plant B to Site 3 is closed": 0), and an
   answer ``res.x[k]`` is the route the question names ("how many tonnes does Plant B send to
   Site 2?"); the text's places are told by the clauses of the supplies' and demands' own
   numbers ("and South Quarry up to 50"), since the program's names are the example's places
   (:func:`route_limit`, run first). A binomial ``binom.pmf(k, n, p)`` whose ``k`` is no zero
   where the question asks for none of the events ("that it doesn't rain on any of them") and
   ``p`` names the event takes 0 (:func:`_none_asked`).

Units are compared after spelling them alike (``hours`` = ``h``, ``litres`` = ``L``, ``%``,
``m/s²`` = ``m/s^2``, ``kΩ`` = ``kOhm``, ``µF`` = ``uF``, a program's ``[H]`` the henry (a text's
"h" the hour), ``cookies`` = ``cookie``, ``£`` = ``GBP``, ``$`` = ``dollars`` = ``USD``, ``€`` =
``euros`` = ``EUR``, ``₹`` = ``rupees`` = ``INR``, ``75°`` in ``[deg]``, ``volts`` = ``V``; a unit of
measure joined by a hyphen is the number's: "a 5-year deposit", "a 250-gallon tank" (not money:
"2-euro coins" names a kind of coin); a scale word stands between a number and its unit: "1.02 million CHF"; a number with no unit but "per" or "/" and
a unit of time is a rate in one over that unit: "absorbed at 1.2 per hour", "0.3/day" for ``[1/h]``,
``[1/day]``, not the 4 of "γ = 1/4 per day"; a measure per unit of time is in their quotient:
"8 L per minute" in ``[L/min]``, "120 mg per hour" in ``[mg/h]``, "3 gallons per minute" in
``[gal/min]`` (the US gallon); a quotient of units converts each part: "50 g/L" is
0.05 in ``[kg/L]``, "2 L/min" 120 in ``[L/h]``; "448 square feet" is in ``[ft^2]``). A denominator ("per 1,000
ft") is no candidate of rule 1. An amount of money written per unit ("31.44 dollars each",
"£39.00 per unit") is in ``[USD/unit]`` where the program writes prices per unit beside amounts
(``price  # [GBP/unit]``, ``fixed_cost  # [GBP]``), and an amount fits a price per unit (a price is
often written without "each"), not the other way round; where the text uses one currency and
the program another, the text's is read as the program's. The day of a date ("on 8 April",
"May 25") is no number of the problem: a parameter that holds only that is a value the text
does not give (rule 3), unless it is a calendar convention (12 months a year).
Everything else (numbers without a unit, several candidates) is left to the model: a wrong
move would turn a right program wrong. ``benchmarks/bind.py`` measures it: on the
2,399 reference programs of the retrieval bank it moves nothing, and the report names every
move (:class:`Rebinding`). The rules run in the order 1, 3, 1 again, 7, 10, 2, 4, 5, 6, 8, 11, 14, 12, 13, 15, 9, 9 again for a
parameter (rule 17's readings within the rules they refine); each sees the program as the rules before it left it.
"""

from __future__ import annotations

import ast
import math
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, replace
from decimal import Decimal
from itertools import combinations, pairwise, permutations

from .contract import Parameter, literal_number, parse_parameters, set_parameters
from .prompt import question_of, sentences
from .questions import rename
from .quantities import (
    Mention,
    _stems,
    after_per,
    between,
    find_numbers,
    fit_score,
    fmt_value,
    frequencies,
    gives,
    is_money,
    structural_reason,
    unit_is_percent,
    value_factors,
    words_around,
)

#: Spellings of a unit -> one name. Only units that texts spell out in words need entries.
_UNIT_WORDS = {
    "h": "h hr hrs hour hours", "min": "min mins minute minutes", "s": "s sec secs second seconds",
    "ms": "ms msec msecs millisecond milliseconds",
    "day": "d day days", "week": "wk week weeks", "month": "month months", "year": "yr yrs year years",
    "kg": "kg kilogram kilograms", "g": "g gram grams", "mg": "mg milligram milligrams",
    "l": "l litre litres liter liters", "ml": "ml millilitre millilitres milliliter milliliters",
    "m": "m metre metres meter meters", "cm": "cm centimetre centimetres centimeter centimeters",
    "km": "km kilometre kilometres kilometer kilometers", "°c": "°c degc", "%": "% percent",
    "ft": "ft foot feet", "mi": "mi mile miles", "yd": "yd yard yards", "inch": "inch inches",
    "lb": "lb lbs", "oz": "oz ounce ounces", "gal": "gal gallon gallons",
    # a speed written as one word: "29 mph" is ``[mi/h]``, converted like "72 km/h" (rule 10)
    "mi/h": "mph mi/h", "km/h": "kph kmh km/h",
    "deg": "deg ° degree degrees",  # an angle, "51° above level ground" for ``[deg]``
    "v": "v volt volts", "ohm": "ohm ohms", "kohm": "kohm kohms kiloohm kiloohms", "uf": "uf microfarad microfarads",
    # an inductance: a program's ``[H]`` is the henry (:func:`unit_key`), a text's "h" the hour
    "henry": "henry henries", "mh": "mh millihenry millihenries", "uh": "uh microhenry microhenries",
    "w": "w watt watts", "kw": "kw kilowatt kilowatts", "megawatt": "megawatt megawatts",
    "gw": "gw gigawatt gigawatts", "n": "n newton newtons", "kn": "kn kilonewton kilonewtons",
    "j": "j joule joules", "kj": "kj kilojoule kilojoules", "pa": "pa pascal pascals", "kpa": "kpa kilopascal kilopascals",
    # a currency as its symbol ("£23"), its code (``[GBP]``) or its name ("50 dollars")
    "usd": "usd $ dollar dollars", "eur": "eur € euro euros", "gbp": "gbp £", "chf": "chf",
    "inr": "inr ₹ rupee rupees", "jpy": "jpy ¥ yen",
}
_UNIT = {w: name for name, words in _UNIT_WORDS.items() for w in words.split()}
_CURRENCIES = frozenset({"usd", "eur", "gbp", "chf", "inr", "jpy"})
#: An amount of money per unit: "£110.67 each", "31.44 dollars per unit", "4 euros apiece".
#: What joins the numbers of a list that shares one unit: "18.8 and 6.2 kg", "20, 30 or 40 L".
_LISTED = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or|to)\s+)", re.IGNORECASE)
_EACH = re.compile(r"^\s*(?:each|apiece|a piece|a unit|per (?:unit|item|piece))\b", re.IGNORECASE)
#: An area or a volume written in words: "448 square feet", "20 sq m", "3 cubic metres".
_AREA = re.compile(r"^(?:square|sq\.?|(?P<cubic>cubic|cu\.?))\s+(?P<unit>[a-z]+\.?)$", re.IGNORECASE)
#: A number followed by "per" or "/" and a unit of time: a rate per unit of time.
_PER_TIME = re.compile(r"\s*(?:per\s+|/\s*)(h|hr|hrs|hours?|min|mins|minutes?|s|sec|secs|seconds?|d|days?|wk|weeks?|"
                       r"months?|yr|yrs|years?)\b", re.IGNORECASE)
#: Symbols a text writes and a program comment spells in ASCII ("9.8 m/s²" for ``[m/s^2]``,
#: "4.7 kΩ" for ``[kOhm]``, "470 µF" for ``[uF]``; both micro signs).
#: A unit to the power -1 ("h⁻¹", "day^-1"), as the ASCII translation leaves it.
_INVERSE = re.compile(r"(?P<unit>[a-z]+)(?:\^-1|⁻¹)")
_ASCII = str.maketrans({"²": "^2", "³": "^3", "ω": "ohm", "µ": "u", "μ": "u", "−": "-"})


@dataclass
class Rebinding:
    """One parameter moved onto another number of the text."""

    name: str
    old: float | list[float]  # a list for a data line (rule 9)
    new: float | list[float]
    reason: str
    unit: str = ""  # the unit the parameter's comment now names, where the move changed it (rule 10)

    def to_dict(self) -> dict:
        return asdict(self)

    def __str__(self) -> str:
        return f"{self.name} = {_fmt(self.old)} -> {_fmt(self.new)} ({self.reason})"


def _named_by(p: Parameter) -> str:
    """The words that name a parameter: its description and its name's parts
    (``initial hares x0``, ``number of equal pens side by side pens``)."""
    return f"{p.description} {p.name.replace('_', ' ')}"


def _count_words(p: Parameter) -> set[str]:
    """The stems that name what a count counts: its words (:func:`_named_by`) but "number",
    "total", "each" and the like."""
    return _stems(_named_by(p)) - _GENERIC_COUNT


def _same_things(a: set[str], b: set[str]) -> bool:
    """Whether two sets of stems name the same things, "row" and "rows" alike (a stem is a word's
    first four letters, so a plural "s" is part of a short word's stem)."""
    return bool({w.removesuffix("s") for w in a} & {w.removesuffix("s") for w in b})


def _fmt(v: float | list[float]) -> str:
    return "[" + ", ".join(map(fmt_value, v)) + "]" if isinstance(v, list) else fmt_value(v)


def unit_key(unit: str) -> str:
    """A unit spelled one way: ``"Hours"`` -> ``h``, ``"N*s/m"`` -> ``n·s/m``, ``"$/unit"`` and
    ``"USD/unit"`` -> ``usd/unit``."""
    if unit.strip() == "H":
        return "henry"  # ``L = 0.22  # inductance [H]``; "2 h" and ``[h]`` are hours
    if unit.strip() == "MW":
        return "megawatt"  # a milliwatt ("mW") is another unit once lowered
    area = _AREA.match(unit.strip())
    if area:  # "square feet", "sq m", "cubic metres": ``ft^2``, ``m^2``, ``m^3``
        base = area["unit"].lower().rstrip(".,;:?!)")
        return f"{_UNIT.get(base, base)}^{3 if area['cubic'] else 2}"
    u = unit.replace("**", "^").replace("*", "·").replace(" ", "").lower().rstrip(".,;:?!)").translate(_ASCII)
    if u in _UNIT:
        return _UNIT[u]
    inverse = _INVERSE.fullmatch(u)
    if inverse and inverse["unit"] in _UNIT:
        return f"1/{_UNIT[inverse['unit']]}"  # "ka = 1.8 h⁻¹": a rate per hour, ``[1/h]``
    top, slash, rest = u.partition("/")
    if slash and _UNIT.get(top) in _CURRENCIES:
        return f"{_UNIT[top]}/{rest}"  # an amount of money per something: the currency spelled one way
    if slash and top == "1" and rest in _UNIT:
        return f"1/{_UNIT[rest]}"  # a rate per unit of time: ``[1/hour]`` is ``[1/h]``
    # a counted thing is one unit in the singular and the plural ("38 cookies" for [cookie])
    return u[:-1] if len(u) > 3 and u.isalpha() and u.endswith("s") and not u.endswith("ss") else u


#: A formula's term right after its coefficient: "·v²", "*v^2", "×x".
_FORMULA_TERM = re.compile(r"^[·*×][A-Za-z](?:\^\d|[²³])?[.,;:?!)]*$")
_PARENTHESIZED = re.compile(r"^\(([^()\s]+)\)[.,;:?!]*$")


def unit_word(text: str, m: Mention, mentions: list[Mention]) -> str:
    """The word written right after a number of the text, where its unit would be ("" if none)."""
    if m.percent:
        return "%"
    if m.start and text[m.start - 1] in "$€£¥₹":
        return text[m.start - 1]  # "$25,300": the unit is written before the number
    hi = between(text, m, mentions)[1]
    following = next((o for o in mentions if o.start == hi), None)
    if following is not None and not following.percent and _listed_on(text, m, mentions):
        # "they start with 18.8 and 6.2 kg", "tanks of 20, 30 and 40 L": a list's unit is
        # written once, after its last number (a percentage's "%" is not shared: its value
        # differs); a comma alone is no list ("pieces ×27, 4.5 m pieces ×19") unless an "and"
        # or "or" ends it
        return unit_word(text, following, mentions)
    after = text[m.end:hi].split()
    if after and text[m.end:m.end + 1] == "-" and after[0][1:2].isalpha() \
            and is_measure(unit_key(after[0][1:].rstrip(".,;:?!)"))):
        # "a 5-year deposit", "a 250-gallon tank", "a 0.4-henry inductor": a unit of measure joined
        # by a hyphen (not money: "2-euro coins" names a kind of coin)
        after[0] = after[0][1:]
    if m.scale_name and after and after[0].rstrip(".,;:?!)").lower() == m.scale_name.lower():
        after = after[1:]  # "1.02 million CHF": the unit comes after the scale word
    if after and after[0].lower() == "per" and (rate := _time_rate(text, m)):
        return rate.group(0).strip()  # "1.2 per hour": a rate per unit of time
    if len(after) > 2 and after[1].lower() == "per" and is_measure(unit_key(after[0])) \
            and (rate := _PER_TIME.fullmatch(f" per {after[2].rstrip('.,;:?!)')}")):
        # "8 L per minute", "120 mg per hour": a measure per unit of time (``[L/min]``, ``[mg/h]``)
        return f"{unit_key(after[0])}/{unit_key(rate.group(1))}"
    if len(after) > 1 and _AREA.match(f"{after[0]} {after[1].rstrip('.,;:?!)')}"):
        return f"{after[0]} {after[1].rstrip('.,;:?!)')}"  # "448 square feet"
    if after and _FORMULA_TERM.match(after[0]):
        # a coefficient of a formula's term is in the unit written after the term, if any: "air
        # drag 5e-05·v² (kg/m)" is in kg/m; "·v²" is no unit
        unit = _PARENTHESIZED.match(after[1]) if len(after) > 1 else None
        return unit.group(1) if unit else ""
    return after[0].rstrip(".,;:?!)") if after else ""


def written_units(text: str) -> set[str]:
    """The units of measure the text writes its numbers in, spelled alike (:func:`unit_key`):
    "100 mL over 60 minutes" gives ``{"ml", "min"}``. Units bind does not know ("20 gtt/mL",
    "38 cookies") and currencies are left out."""
    text = " ".join(text.split())
    # (US customary units are left out too: retrieval's profile counts those numbers as its own
    # kind, and a patio in ft² asks what a tablecloth in cm² does)
    return {u for u in said_units(text, [m for m in find_numbers(text) if not m.word])
            if is_measure(u) and not _CUSTOMARY.intersection(u.split("/"))}


def said_units(text: str, mentions: list[Mention]) -> list[str]:
    """The unit each number of ``mentions`` is written in, spelled alike: the word after it
    (:func:`unit_word`) as :func:`unit_key` spells it, a rate per unit of time ("0.24 per hour":
    ``1/h``), an amount of money per unit ("£110.67 per unit": ``gbp/unit``)."""
    return [_said(text, m, mentions, unit_word(text, m, mentions)) for m in mentions]


def _listed_on(text: str, m: Mention, mentions: list[Mention]) -> bool:
    """Whether ``m`` is joined to the next number as one of a list ("30" in "20, 30 and 40 L")."""
    hi = between(text, m, mentions)[1]
    following = next((o for o in mentions if o.start == hi), None)
    join = _LISTED.fullmatch(text, m.end, hi) if following is not None else None
    return bool(join) and (join.group(0).strip() != "," or _listed_on(text, following, mentions))


def _time_rate(text: str, m: Mention) -> re.Match[str] | None:
    """"per hour" or "/day" right after the number ``m``: a rate per unit of time; not for the
    denominator of a fraction ("γ = 1/4 per day": 4 is no rate)."""
    if text[:m.start].rstrip().endswith("/"):
        return None
    return _PER_TIME.match(text, m.end)


def _said(text: str, m: Mention, mentions: list[Mention], word: str) -> str:
    """The unit of a number of the text spelled alike (:func:`unit_key`), an amount of money
    per unit where the text says so ("31.44 dollars each", "£110.67 per unit": ``usd/unit``, as
    programs write ``[USD/unit]``)."""
    # a rate with no unit of its own but time: "absorbed at 1.2 per hour", "0.3/day" is in
    # ``[1/h]``, ``[1/day]`` (an amount or a count, "5 L per minute", has its unit first)
    if (word.lower().startswith("per ") or word.startswith("/")) and (rate := _time_rate(text, m)):
        return unit_key(f"1/{rate.group(1)}")
    key = unit_key(word)
    if key not in _CURRENCIES:
        return key
    rest = text[m.end:between(text, m, mentions)[1]]
    if word not in "$€£¥₹":
        rest = rest.split(word, 1)[1] if word in rest else ""
    if charged := _CHARGED_PER.match(rest):
        # "$7 is charged per hour": a price per unit of time, as programs write ``[USD/h]``
        return f"{key}/{_TIME_KEY[charged.group(1).lower()]}"
    return f"{key}/unit" if _EACH.match(rest) else key


#: An amount of money charged per unit of time, its verb between: "$7 is charged per hour".
_CHARGED_PER = re.compile(r"^\s*(?:is|are)\s+(?:charged|billed|paid|earned|due)\s+(?:per|an?|each)\s+"
                          r"(hour|day|week|month|year|minute)\b", re.IGNORECASE)
_TIME_KEY = {"hour": "h", "day": "day", "week": "week", "month": "month", "year": "year", "minute": "min"}


#: A count of something per unit of time right after a number: "1.05 contacts per day".
_COUNT_PER = re.compile(r"\s*([A-Za-z]+)\s+per\s+([A-Za-z]+)")


def _counted_per(text: str, m: Mention, p: Parameter, unit: str) -> bool:
    """Whether ``m`` is a count per unit of time of what the rate ``p`` (``[1/day]``) is a rate
    of: "1.05 contacts per day" for ``beta  # contact rate [1/day]`` (:func:`_said` reads it as a
    count: an amount or a count has its unit first)."""
    found = _COUNT_PER.match(text, m.end)
    return bool(found) and unit.startswith("1/") and _factor(unit_key(f"1/{found.group(2)}"), unit) is not None \
        and bool(_stems(found.group(1)) & _stems(f"{p.description} {p.name}"))


def _as_written(m: Mention, word: str) -> str:
    """A number with its unit as the text writes it: "1 kg", "88%", "$25,300"."""
    n = f"{m.written} {m.scale_name}" if m.scale_name else m.written  # "1.02 million"
    if not word or word.lower() in _NO_UNIT:
        return n  # ("a ceiling of 2,100 at an intrinsic rate": no unit)
    return f"{n}{word}" if word in ("%", "°") else f"{word}{n}" if word in "$€£¥₹" else f"{n} {word}"


def _sources(p: Parameter, mentions: list[Mention]) -> list[int]:
    """The (non-zero) numbers of the text that give ``p`` its value; with its sign, where one
    does ("-9 °C ... 9 °C" for ``T_air = 9``: the 9; -9 is another temperature)."""
    found = [i for i, m in enumerate(mentions) if m.value != 0 and gives(m, p)]
    signed = [i for i in found if any(math.isclose(p.value, float(mentions[i].value * f), rel_tol=1e-9)
                                      for f in value_factors(mentions[i], p) if f > 0)]
    return signed or found


def free_numbers(text: str, params: list[Parameter], mentions: list[Mention]) -> list[int]:
    """The non-zero numbers of the text that no parameter takes and that are no denominator
    ("per 1,000 ft"): the candidates for a parameter the model bound wrongly or left out."""
    used = {i for p in params for i in _sources(p, mentions)}
    return [j for j, m in enumerate(mentions) if j not in used and m.value != 0 and not after_per(text, m)]


def _value(m: Mention, p: Parameter, factor: Decimal = Decimal(1)) -> float:
    """The value ``p`` takes from ``m``: a percentage as a fraction (as written for a parameter in
    ``[%]``), a scale word applied, converted by ``factor`` into the parameter's unit ("47 kΩ"
    for ``[Ohm]``: 1000, see :func:`_factor`), and
    negative when either the text or the model wrote it so ("-1 °C"; a deceleration as ``a = -2``)."""
    # a parameter in [%] takes "58%" as 58, as the program's own percentages are written
    # in decimals: "79.6%" is 0.796, not 0.7959999999999999, and 4.7 kΩ is 4700
    new = float(abs(m.value) * factor
                * (Decimal(m.scale) if not m.percent else 1 if unit_is_percent(p) else Decimal("0.01")))
    return -new if (m.value < 0 or p.value < 0) and new else new  # (no -0.0 for "0 °C")


_MONTHS = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|" \
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b"
_MONTH_AFTER = re.compile(r"^(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTHS, re.IGNORECASE)
_MONTH_BEFORE = re.compile(r"\b" + _MONTHS + r"\s+$", re.IGNORECASE)


def day_of_month(text: str, m: Mention) -> bool:
    """Whether ``m`` is the day of a date ("on 8 April", "May 25th", "the 3rd of March"): a
    date says when, and is never a quantity of the model (the time of interest is not 8 s
    because "the experiment took place on 8 April")."""
    if m.percent or m.scale != 1 or m.value != int(m.value) or not 1 <= m.value <= 31:
        return False
    return bool(_MONTH_AFTER.match(text[m.end:m.end + 16]) or _MONTH_BEFORE.search(text[max(0, m.start - 12):m.start]))


def bind(text: str, program: str) -> tuple[str, list[Rebinding]]:
    """``program`` with misbound parameters moved (see the module docstring), and the moves.

    The rules run again on what they made, up to three times in all, until nothing moves: a
    later rule can give an earlier one its evidence (rule 13 rebuilds ``time_run_*`` from the
    text's list of 6 times, and then "7 runs" is the one free number of a count holding "5 km").
    Where a pass brings back a program an earlier pass had (the rules undo each other's moves),
    nothing moves at all."""
    program, moves = _thousands(program)
    program, repeated = _line_twice(program)
    moves += repeated
    start, seen = (program, list(moves)), {program}
    for _ in range(3):
        program, more = _bind_once(text, program)
        if not more:
            break
        if program in seen:
            # a later pass undid an earlier one (two rules read the text each its own way, "T2"
            # and "hour2" as one pair and as two readings): no clear evidence, nothing moves
            return start
        seen.add(program)
        moves += more
    return program, moves


#: A parameter line: ``name = 5  # cost per truckload ... [GBP/unit]``.
_PARAM_LINE = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s*=\s*(?P<num>-?[\d.]+(?:[eE][-+]?\d+)?)\s*#(?P<comment>.*)$")


def _line_twice(program: str) -> tuple[str, list[Rebinding]]:
    """A parameter line the model wrote twice, the same name and comment with another number
    (``cost_depot_site2 = 5  # ...`` and then ``cost_depot_site2 = 35  # ...``, the second a
    number of another parameter): the later copy goes, the first is the parameter (a reassigned
    name is no parameter, so no rule would read either, and the later one wins when it runs)."""
    lines = program.splitlines()
    first: dict[str, tuple[str, str]] = {}
    drop, moves = set(), []
    for i, line in enumerate(lines):
        m = _PARAM_LINE.match(line.strip()) if not line[:1].isspace() else None
        if not m:
            continue
        seen = first.get(m["name"])
        if seen is None:
            first[m["name"]] = (m["num"], m["comment"].strip())
        elif seen[1] == m["comment"].strip() and seen[0] != m["num"]:
            drop.add(i)
            moves.append(Rebinding(m["name"], float(m["num"]), float(seen[0]),
                                   "the model wrote the line twice; its later copy went"))
    if not drop:
        return program, []
    return "\n".join(line for i, line in enumerate(lines) if i not in drop) + "\n", moves


#: A parameter line whose number has a thousands comma: ``target = 24,000  # [GBP]`` (a tuple in Python).
_THOUSANDS_LINE = re.compile(r"^(?P<head>[A-Za-z_]\w*\s*=\s*)(?P<num>\d{1,3}(?:,\d{3})+)(?P<tail>\s*(?:#.*)?)$", re.MULTILINE)


#: A parameter named as a conversion: ``kg_per_lb``, ``cm_per_inch``.
_CONVERSION_NAME = re.compile(r"(?P<top>[a-z]+)_per_(?P<bottom>[a-z]+)")


def _conversion_factor(name: str) -> tuple[str, str, Decimal] | None:
    """The units and factor of a parameter named as a conversion between two units of one
    dimension from different systems (``kg_per_lb``: kg, lb, 0.45359237); None for any other
    name: a power of ten (``mg_per_kg`` is a dose per weight) or a time (``hours_per_day`` is a
    working day) is no conversion."""
    named = _CONVERSION_NAME.fullmatch(name.lower())
    if named is None:
        return None
    top, bottom = unit_key(named["top"]), unit_key(named["bottom"])
    factor = _factor(bottom, top)
    if factor is None or factor <= 0 or _SIZE.get(top, ("",))[0] == "time" or math.log10(float(factor)).is_integer():
        return None
    return top, bottom, factor


def _conversion_named(params: list[Parameter], mentions: list[Mention]) -> list[Rebinding]:
    """Rule 0, a conversion by its name (:func:`_conversion_factor`): such a parameter holding a
    number of the text ("a 36 lb patient at 0.15 mg/kg" read as ``kg_per_lb = 0.15``) takes the
    conversion's factor (0.45359237), which frees the number for its own parameter."""
    moves = []
    for p in params:
        conversion = _conversion_factor(p.name)
        if conversion is None or isinstance(p.value, list) or not _sources(p, mentions):
            continue
        top, bottom, factor = conversion
        moves.append(Rebinding(p.name, p.value, float(factor), f"{p.name} converts {bottom} into {top}: "
                                                               f"1 {bottom} is {fmt_value(float(factor))} {top}"))
    return moves


def _thousands(program: str) -> tuple[str, list[Rebinding]]:
    """Rule 0: a parameter the model wrote with a thousands comma (``target = 24,000  # [GBP]``,
    which Python reads as the tuple ``(24, 0)``) takes the number it spells."""
    moves = []

    def whole(m: re.Match[str]) -> str:
        number = int(m["num"].replace(",", ""))
        moves.append(Rebinding(m["head"].split("=")[0].strip(), float(m["num"].split(",")[0]), float(number),
                               f"the model wrote {m['num']}, a tuple in Python; the number is {number}"))
        return f"{m['head']}{number}{m['tail']}"

    return _THOUSANDS_LINE.sub(whole, program), moves


def _bind_once(text: str, program: str) -> tuple[str, list[Rebinding]]:
    """One pass of the rules over ``program``."""
    params = parse_parameters(program)
    if not params:
        return data_rule(" ".join(text.split()), program)
    raw, text = text, " ".join(text.split())
    numbers = [m for m in find_numbers(text) if not m.word]
    dates = [day_of_month(text, m) for m in numbers]
    days = {float(m.value) for m, d in zip(numbers, dates, strict=True) if d}  # the days of dates: no quantities
    mentions = [m for m, d in zip(numbers, dates, strict=True) if not d]
    words = [unit_word(text, m, mentions) for m in mentions]
    said = _one_currency([_said(text, m, mentions, w) for m, w in zip(mentions, words, strict=True)], params)
    words = [f"{w} per unit" if k.endswith("/unit") and not unit_key(w).endswith("/unit") else w
             for w, k in zip(words, said, strict=True)]  # as the reports name them
    # a data line first: a number it holds that is no item of the text's list is free for the
    # parameter it belongs to ("paying 109,000 dollars now" run into the cash flows)
    program, early = data_rule(text, program)
    # a transport program's limited route (rule 20): names and the bounds list, before any value
    program, routed = route_limit(text, program)
    early += routed
    if early:
        params = parse_parameters(program)
    # a tank of pure water first: its start holds no number for rule 1 to trade ("2,000 L of pure
    # water" read as ``S0 = 2000  # [kg]``, ``volume = 108.1  # [L]``)
    emptied = _empty_start(text, params, mentions, said, dissolved_only=True)
    emptied += _conversion_named(params, mentions)  # (its number is then free for rule 1)
    program, params = _apply(program, params, emptied)
    moves = emptied + _other_unit(text, params, mentions, words, said)
    # each rule sees the program as the rules before it left it
    program, params = _apply(program, params, moves[len(emptied):], units=True)
    asked = _asked_number(text, params, mentions, said)
    program, params = _apply(program, params, asked)
    moves += asked
    made_up = _made_up(text, program, params, mentions, words, said, days)
    program, params = _apply(program, params, made_up)
    made_up += (rounded := _rounded_reciprocal(text, program, params, mentions, said))
    program, params = _apply(program, params, rounded)
    made_up += (halved := _half_life_from_rate(text, params, mentions, said))
    program, params = _apply(program, params, halved)
    empty = _empty_start(text, params, mentions, said) + _unmentioned_factor(text, program, params, mentions)
    program, params = _apply(program, params, empty)
    signs = _sign_lost(text, params, mentions, said)
    program, params = _apply(program, params, signs)
    # rule 1 again: rule 3 can put a parameter on a number another parameter had taken in the
    # wrong unit ("16 kg" as a concentration in %), and that one now has a number to go to
    again = _other_unit(text, params, mentions, words, said)
    program, params = _apply(program, params, again)
    percent = (_as_percent(program, params, mentions) + _percent_of(text, params, mentions)
               + _rescaled(text, params, mentions)
               + _scaled_alike(params, mentions))
    program, params = _apply(program, params, percent)
    in_unit = _scale_in_unit(params, mentions, said)
    program, params = _apply(program, params, in_unit, units=True)
    percent += in_unit
    converted = (_converted(program, params, mentions, words, said, text) + _per_other_unit(program, params)
                 + _per_body_weight(program, params, mentions, said) + _speed_as_kmh(program, params))
    program, params = _apply(program, params, converted, units=True)
    shared = (_shared(text, params, mentions, words, said) + _swapped(params, mentions, words, said)
              + _shared_across(text, params, mentions, words, said) + _swapped_by_words(text, params, mentions, said))
    moved = {mv.name for mv in shared}
    shared += _by_ordinal(text, [p for p in params if p.name not in moved], mentions, words)
    moved = {mv.name for mv in shared}
    shared += _held_out_of_order(text, [p for p in params if p.name not in moved], mentions, words, said)
    moved = {mv.name for mv in shared}
    shared += _with_companion(text, [p for p in params if p.name not in moved], mentions, words, said)
    moved = {mv.name for mv in shared}
    shared += _by_own_clause(text, [p for p in params if p.name not in moved], params, mentions, words, said)
    moved = {mv.name for mv in shared}
    shared += _pairs_by_clause(text, [p for p in params if p.name not in moved], mentions)
    program, params = _apply(program, params, shared)
    twins = _twins(text, params, mentions, said)  # (after rule 2, which reads a list in order)
    program, params = _apply(program, params, twins)
    shared += twins
    changed = (_from_to(text, params, mentions) + _year_named(text, params, mentions, said)
               + _year_in_list(text, program, params, mentions, said))
    program, params = _apply(program, params, changed)
    crossed = _pairs_crossed(text, params, mentions) + _total_and_parts(text, params, mentions)
    program, params = _apply(program, params, crossed)
    led = _pair_led(text, params, mentions)
    program, params = _apply(program, params, led)
    crossed += led
    off = _off_reading(text, params, mentions, said)
    program, params = _apply(program, params, off)
    crossed += off
    changed += crossed
    shared += changed
    named = (_named_periods(text, params, mentions, words, said) + _only(text, params, mentions, words, said)
             + _own_noun(text, params, mentions, words, said) + _by_name(text, params)
             + _listed_roles(text, params, mentions) + _listed_pair(text, params, mentions, said))
    program, params = _apply(program, params, named)
    items = _named_items(text, program, params, mentions, words, said)
    program, params = _apply(program, params, items)
    named += items
    # rule 3's unmentioned factor again: rule 2 can put another parameter on its number
    # (``ka = 0.1`` moved onto the 0.8 that ``F`` holds)
    named += (factor := _unmentioned_factor(text, program, params, mentions))
    program, params = _apply(program, params, factor)
    shared += named
    beside = _beside(text, params, mentions, said) + _rate_of_half_life(text, params, mentions, said)
    program, params = _apply(program, params, beside)
    several = _several_made_up(text, params, mentions, said)
    program, params = _apply(program, params, several)
    several += (none := _none_asked(text, program, params))
    program, params = _apply(program, params, none)
    beside += several
    coefficients = (_coefficients(text, params) + _rates_written(text, program, params)
                    + _price_step(text, params, mentions, said))
    program, params = _apply(program, params, coefficients)
    table = _table(raw, params)  # lines matter: a list of products, then "Available per day: ..."
    table += _routes(text, params, mentions)
    program, params = _apply(program, params, table)
    labelled = _labelled(text, params)
    program, params = _apply(program, params, labelled)
    weekdays = _weekdays(text, params)
    program, params = _apply(program, params, weekdays)
    counts = _per_year_counts(text, params) + _any_amount(text, params, mentions)
    program, params = _apply(program, params, counts)
    monthly = _per_month_counts(text, params, mentions, said)
    program, params = _apply(program, params, monthly, units=True)
    counts += monthly
    pairs = _respective_pairs(text, params, mentions, words)
    program, _ = _apply(program, params, pairs)
    program, series = series_rule(text, program)
    program, unmixed = _unmix_lists(program)
    program, paired = pairs_rule(raw, program)  # lines matter: a table's rows
    paired = unmixed + paired
    program, data = data_rule(text, program)
    params = parse_parameters(program)
    listed = _listed(text, program, params, mentions, said)
    program, _ = _apply(program, params, listed)
    return program, (early + moves + made_up + empty + signs + again + percent + converted + shared + beside
                     + coefficients + table + labelled + weekdays + counts + pairs + series + paired + data + listed)


#: A half-life written before its number: "its elimination half-life is 3.5 hours", "a half-life of 6 h".
_HALF_LIFE_BEFORE = re.compile(r"\bhalf[- ]?li(?:fe|ves)\b(?:[^.;:?!\d]{0,30})$", re.IGNORECASE)
#: A parameter that is a first-order rate constant: ``k``, ``ke``, ``k_el``, "elimination rate constant".
_RATE_CONSTANT = re.compile(r"^(?:k|ke|k_?e|k_?el|k_?elim|kel|lam|lambda_?|decay_rate|k_decay)$|"
                            r"\brate constant\b|\belimination rate\b|\bdecay (?:constant|rate)\b", re.IGNORECASE)


def _rate_of_half_life(text: str, params: list[Parameter], mentions: list[Mention], said: list[str]) -> list[Rebinding]:
    """Rule 18: a first-order rate constant the text does not give (``k = 0.5  # elimination rate
    constant [1/h]``), where the text gives a half-life no parameter holds ("its elimination
    half-life is 3.5 hours"), is ln 2 over that half-life in its own time unit (0.198 per hour).
    Only where no parameter of the program is a half-life (a program that holds one computes
    its rate itself)."""
    if any(re.search(r"half", f"{q.name} {q.description}", re.IGNORECASE) for q in params):
        return []
    sources = {q.name: _sources(q, mentions) for q in params}
    taken = {i for found in sources.values() for i in found}
    lives = [i for i, m in enumerate(mentions) if i not in taken and m.value > 0 and not m.percent
             and _HALF_LIFE_BEFORE.search(text[max(0, m.start - 60):m.start]) and _clock(said[i]) == (said[i], False)]
    if len(lives) != 1:
        return []
    i = lives[0]
    moves = []
    for p in params:
        unit = unit_key(p.unit)
        clock = _clock(unit)
        if not (unit.startswith("1/") and clock and clock[1]
                and (_RATE_CONSTANT.search(p.name) or _RATE_CONSTANT.search(p.description))):
            continue
        if sources[p.name] or p.value <= 0:
            continue  # a rate the text gives is no half-life's
        factor = _factor(said[i], clock[0])
        if factor is None:
            continue
        half_life = float(mentions[i].value * factor)
        new = float(f"{math.log(2) / half_life:.10g}")
        if math.isclose(p.value, new, rel_tol=1e-9):
            continue  # (taken on an earlier pass)
        moves.append(Rebinding(p.name, p.value, new, f"the problem gives a half-life of {mentions[i].written} "
                                                     f"{said[i]}; ln 2 / {fmt_value(half_life)} = {fmt_value(new)} "
                                                     f"per {clock[0]}"))
    return moves if len(moves) == 1 else []


def currency_of(unit: str) -> str | None:
    """The currency of an amount of money or of one per something (``usd``, ``gbp/gb``), spelled
    alike (:func:`unit_key`); None for any other unit."""
    top = unit.partition("/")[0]
    return top if top in _CURRENCIES else None


def _one_currency(said: list[str], params: list[Parameter]) -> list[str]:
    """The text's units as the program's parameters can match them. An amount per unit ("31.44
    dollars each") is one only where the program tells prices per unit from amounts of money
    (``[GBP/unit]`` beside ``[GBP]``). And the text's currency is spelled as the program's when
    each uses one currency and they differ: a small model keeps the shown example's currency
    (``[GBP/unit]`` for "31.44 dollars each"), and what tells an amount from an amount per unit
    is the unit, not the currency's name."""
    units = [unit_key(p.unit) for p in params]
    if not any(currency_of(u) and "/" in u for u in units):
        # a program that writes prices as amounts of money (``price_adult  # [GBP]``) does not
        # tell them from totals: neither does the text's "£23 apiece" then
        said = [k.partition("/")[0] if currency_of(k) and k.endswith("/unit") else k for k in said]
    text_has = {c for k in said if (c := currency_of(k))}
    program_has = {c for u in units if (c := currency_of(u))}
    if len(text_has) != 1 or len(program_has) != 1 or text_has == program_has:
        return said
    (was,), (now,) = text_has, program_has
    return [now + k[len(was):] if currency_of(k) == was else k for k in said]


def _named_things(text: str, unit: str, now: list[int], used: set[int], mentions: list[Mention],
                  said: list[str]) -> list[int]:
    """For a count of things (``x0  # [animals]``) holding only measures ("23 years"), the free
    counts the text names by their own nouns ("30 voles and 33 owls"): whole numbers no parameter
    takes, in none of the text's units of measure, no money, no rate."""
    # ("50 a month" is no measure in amperes)
    if not _count_noun(unit) or not now or not all(_unit_of_measure(said[i]) and said[i] != "a" for i in now):
        return []
    return [i for i, m in enumerate(mentions) if i not in used and _count(m) and said[i]
            and not _unit_of_measure(said[i]) and said[i] not in _CURRENCIES and not is_money(text, m)
            and not after_per(text, m) and not _CLOCK_TIME.match(text, m.end)]


def _repeated(text: str, m: Mention, word: str) -> bool:
    """Whether ``m`` counts how often something was done ("Dara measured it 3 times."), not
    how many times larger something is ("41 times as much")."""
    return word.lower() == "times" and bool(re.search(r"\b(?:it|them|this|that|so)\s+$", text[:m.start])) \
        and bool(re.match(r"\s*times\s*(?:[.,;:?!]|$)", text[m.end:]))


#: Words after a whole number that make it a count of things of a measure: "23 measuring 2 m".
_COUNTED_BY = frozenset({"measuring", "weighing", "costing", "lasting", "holding"})


def _percent_only(params: list[Parameter], mentions: list[Mention], said: list[str],
                  sources: dict[str, list[int]]) -> None:
    """A fraction that is a percentage of the text and, by its value, a measure too ("0.6 per
    hour ... a bioavailability of 60%" for ``F = 0.6  # [1]``) is the percentage's: ``sources``
    keeps that one, and the rate is free for its own parameter."""
    for p in params:
        cents = [i for i in sources[p.name] if mentions[i].percent]
        if unit_key(p.unit) in {"", "1"} and 0 < p.value < 1 and len(cents) == 1 and len(sources[p.name]) > 1 \
                and all(_unit_of_measure(said[i]) for i in sources[p.name] if i not in cents):
            sources[p.name] = cents


def _other_unit(text: str, params: list[Parameter], mentions: list[Mention], words: list[str],
                said: list[str]) -> list[Rebinding]:
    """Rule 1: a number written in another parameter's unit, and one number in the parameter's own."""
    units = {p.name: unit_key(p.unit) for p in params}
    sources = {p.name: _sources(p, mentions) for p in params}
    _percent_only(params, mentions, said, sources)
    used = {i for found in sources.values() for i in found}
    # a number taken only by parameters of another dimension is still free in its own: "8 °C
    # after 8 minutes" read as ``t1 = 8``, ``t2 = 8  # [min]`` leaves the 8 °C to a temperature
    held = {i for p in params for i in sources[p.name]
            if not (_unit_of_measure(said[i]) and _unit_of_measure(units[p.name]))
            or _factor(said[i], units[p.name]) is not None}
    cells, _ = table_cells(params)  # a linear program's table is rule 6's to put right
    sizes = unit_sizes(text, mentions)  # ("1 in = 2.54 cm": no quantity of any parameter)
    moves: list[tuple[int, bool, Rebinding]] = []  # (number, chosen as the only free one, move)
    crowded: dict[str, list[tuple[Parameter, list[int]]]] = {}  # unit -> those with several free numbers
    # one that trades with a zero named alike ("the town at 0 m records 26 °C" read as ``T_base =
    # 0  # [°C]``, ``h_base = 26  # [m]``) is _crossed's
    zero = [i for i, m in enumerate(mentions) if m.value == 0]
    trading = {p.name for p in params for q in params
               if len(zero) == 1 and q.value == 0 and len(sources[p.name]) == 1 and _alike_but_quantity(p.name, q.name)
               and _factor(said[zero[0]], units[p.name]) is not None and _factor(said[zero[0]], units[q.name]) is None
               and _factor(said[sources[p.name][0]], units[q.name]) is not None}
    for p in params:
        unit = units[p.name]
        now = sources[p.name]
        if p.name in trading:
            continue
        # a unit of the parameter's dimension is its own: "47 kΩ" for ``[Ohm]`` (rule 10 converts)
        if not unit or not now or any(_factor(said[i], unit) is not None for i in now) \
                or _converted_from(p, unit, mentions, said):
            continue  # no unit to go by, not a number of the text, or already one in its unit
        others = {units[q.name] for q in params if q.name != p.name}
        # "5.4 °F per 1,000 ft" gives no altitude: a denominator is left implicit by programs
        # (nor is the size of a unit: "the conversions 1 in = 2.54 cm and 1 lb = 0.4536 kg")
        fits = [i for i, u in enumerate(said) if _factor(u, unit) is not None and not after_per(text, mentions[i])
                and i not in sizes]
        if not all(said[i] and any(_factor(said[i], o) is not None for o in others) for i in now):
            # its number might still be meant for it; but a measure in a unit of another
            # dimension ("250 mg" for ``ka  # [1/h]``) is clearly not, and an amount of money in a
            # currency ("$201") is a clear unit, and "The school has 1,513 students" is no amount
            # of money for ``total  # [USD]``: onto the one number in its unit no parameter takes
            # ("17 measuring 1.75 m" read as ``len_a = 17  # [m]`` beside ``need_a = 17  #
            # [pieces]``: a number a count of things holds is a count, no length)
            # (an area too; "measured it 3 times" counts no measure either, "12 °C" no time, and
            # "at 9:00" is a time of day, no span)
            if (is_measure(unit) or _AREA_KEY.fullmatch(unit)) \
                    and all(_unit_of_measure(said[i]) or _things(words[i]) or _repeated(text, mentions[i], words[i])
                            or _CLOCK_TIME.match(text, mentions[i].end)
                            or _count(mentions[i]) and said[i] in _COUNTED_BY
                            or currency_of(said[i]) and not currency_of(unit)  # ("cost 144 euros" for [L/min])
                            or _count(mentions[i]) and any(q is not p and i in sources[q.name]
                                                           and _count_noun(units[q.name]) for q in params)
                            for i in now):
                fits = [i for i in fits if i not in used]
                # "18.9 mg/L at 1 h and 3.42 mg/L at 15 h" read as ``t1 = 18.9  # [h]``: the
                # concentration's own time is the one written right beside it
                fits = _joined_to(text, mentions, fits, now)
                if len(fits) != 1 or p.name in cells:
                    continue
            elif unit.isalpha() and unit not in _CURRENCIES and all(is_measure(said[i]) or _AREA_KEY.fullmatch(said[i])
                                                                      for i in now):
                # a count of things held by a measure ("a reserve of 65 km² can support at most
                # 1,500 deer" read as ``K = 65  # [deer]``): onto the one free number of those things
                fits = [i for i in fits if i not in used and said[i] == unit] or _named_things(text, unit, now, used,
                                                                                                mentions, said)
                if len(fits) != 1 or p.name in cells:
                    continue
            elif _count_noun(unit) and all(_counts_another(said[i], unit, p, params) for i in now):
                # a count of one thing holding the count of another that another parameter names
                # ("adding 1 logs every layer for 14 layers" read as ``step = 14  # [logs]`` beside
                # ``count = 14  # number of layers``): onto the one number of its own things left,
                # or written more often than parameters take it
                fits = [i for i in fits if i not in used] or _spare(fits, params, sources, mentions)
                if len(fits) != 1 or p.name in cells:
                    continue
            elif unit in _TEMPERATURES and all(_unit_of_measure(said[i]) and said[i] not in _TEMPERATURES for i in now):
                # a temperature holding a measure of another dimension ("17 hours after the sun
                # goes down" read as ``T0 = 17  # [°C]``): onto the one temperature no parameter takes
                fits = [i for i in fits if i not in used]
                if len(fits) != 1 or p.name in cells:
                    continue
            elif unit == "%" and all(_unit_of_measure(said[i]) for i in now):
                # a percentage holding a measure ("The lab is kept at 24 °C" read as ``conc_target =
                # 24  # [%]``): onto the one percentage no parameter takes
                fits = [i for i in fits if i not in used]
                if len(fits) != 1 or p.name in cells:
                    continue
            elif unit == "1" and all(is_money(text, mentions[i]) or said[i].startswith("-") for i in now):
                # a count holding an amount of money or a denomination ("2-euro coins ... 2 EUR
                # apiece" read as ``total_count = 2  # number of coins in a jar``): onto the one free
                # count that names what it counts ("98 coins")
                own = _count_words(p)
                fits = [i for i, m in enumerate(mentions) if i not in used and _count(m) and said[i]
                        and not _unit_of_measure(said[i]) and not is_money(text, m) and _stems(said[i]) & own]
                if len(fits) != 1 or p.name in cells:
                    continue
            elif unit == "1" and (own := _count_words(p)) and all(
                    _count(mentions[i]) and _count_noun(said[i]) and re.fullmatch(r"[a-z]{3,}s", words[i])
                    and not _same_things(_stems(said[i]), own) for i in now):
                # a count holding a count of other things ("a homework sheet with 8 exercises" read
                # as ``count = 8  # number of rows [1]``): onto the one free count of its own things
                # ("for 27 rows in all")
                fits = [i for i, m in enumerate(mentions) if i not in used and _count(m) and said[i]
                        and not is_money(text, m) and _same_things(_stems(said[i]), own)]
                if len(fits) != 1 or p.name in cells or any(
                        q is not p and unit_key(q.unit) == "1" and _same_things(_count_words(q), own) for q in params):
                    continue  # (two counts of the things: which one it is for is not clear)
            else:
                fits = [i for i in fits if i not in used and is_money(text, mentions[i])]
                if len(fits) != 1 or p.name in cells or any(is_money(text, mentions[i]) for i in now) \
                        or not all(said[i].isalpha() and len(said[i]) >= 3 for i in now):
                    continue  # (a number in a formula, "12)" or "·(", has no word after it)
        if not fits:
            fits = _named_things(text, unit, now, used, mentions, said)
        fits = [i for i in fits if i not in sizes]  # (the branches above may add them back)
        if len(fits) > 1:
            # "charging from 0 V on a 9 V supply": a zero is where something starts, which
            # programs leave implicit, so a non-zero number of the unit is the candidate
            fits = [i for i in fits if mentions[i].value != 0]
        free = len(fits) > 1
        if free and p.name in cells:
            continue
        if free:
            # "an 88% alloy into 16 kg of 58% alloy ... 78%" with 58% and 78% taken: the one left;
            # or a number written more often than parameters take it ("the first (2,000 L) ...
            # the second (2,000 L)" with only ``volume1 = 2000``)
            fits = [i for i in fits if i not in held] or _spare(fits, params, sources, mentions)
            fits = _joined_to(text, mentions, fits, now)  # (as above: the number beside its own)
        if len(fits) > 1 and free and is_measure(unit) and p.name not in cells:
            crowded.setdefault(unit, []).append((p, fits))
        if len(fits) != 1:
            continue  # no number in its unit, or several: the model's choice stands
        if _written_once(mentions, fits[0]) and any(q is not p and units[q.name] == unit and fits[0] in sources[q.name]
                                                    for q in params):
            continue  # ("4,800 people" is the population's, not the infectious cases' of ``I0 = 5  # [people]``)
        m = mentions[fits[0]]
        was = now[0]
        factor = _factor(said[fits[0]], unit) or Decimal(1)
        to = ""
        if factor != 1 and _asks_in(text, said[fits[0]]) and _SIZE.get(unit, ("",))[0] == "time" \
                and not any(q is not p and _SIZE.get(units[q.name], ("",))[0] == "time" for q in params):
            # the one time of the program, where the question asks for a time in the unit the
            # text writes it in ("How many hours ...? ... 16 °C 1 hours later" for ``t1 = 16  #
            # [min]``): it takes the number as written, and that unit, so the answer is in hours
            factor, to = Decimal(1), said[fits[0]]
        new = _value(m, p, factor)
        if new == p.value and not to:
            continue
        in_unit = f" ({fmt_value(new)} {p.unit})" if factor != 1 else ", as the question asks" if to else ""
        # ("2-euro coins": a number that names a kind of thing is no amount of it)
        what = (f"{mentions[was].written} names a kind ({mentions[was].written}{words[was]})" if words[was].startswith("-")
                else f"{mentions[was].written} counts times" if _repeated(text, mentions[was], words[was])
                else f"{mentions[was].written} is a time of day" if _CLOCK_TIME.match(text, mentions[was].end)
                else f"{mentions[was].written} is in {words[was]}")
        moves.append((fits[0], free, Rebinding(p.name, p.value, new,
                                               f"the problem gives {_as_written(m, words[fits[0]])}{in_unit}; {what}",
                                               unit=to)))
    # numbered parameters in another unit each ("they start with 2.5 and 1.2 kg" read as
    # ``S1_0 = 25``, ``S2_0 = 10`` from "25 g/L" and "10 L/min"): the list, in order
    # (or, "the first (1,000 L) ... the second (500 L)" for ``volume1 = volume2 = 10`` from "10
    # g/L": each the one written after its ordinal)
    for unit, group in crowded.items():
        if len(group) > 1:
            moves += [(i, False, mv) for i, mv in (_in_list_order(
                text, [p for p, _ in group], [f for _, f in group], mentions, words, said, unit,
                lambda p: f"{fmt_value(p.value)} is in {words[sources[p.name][0]]}")
                or _after_ordinals(text, group, mentions, words, said, unit))]
    # the one free number of a unit wanted by two parameters: which one it is for is not clear
    wanted = [i for i, _, _ in moves]
    kept = [mv for i, free, mv in moves if not (free and wanted.count(i) > 1)]
    moving = {mv.name for mv in kept}
    return kept + _crossed(text, [p for p in params if p.name not in moving and p.name not in cells],
                           mentions, words, said)


_JOINING = frozenset({"at", "after", "in", "on", "by", "within", "over", "for"})


#: The size of a unit stated right before a number: "1 in = ", "1 lb is ", "1 kg ≈ ".
_CONVERSION_STATED = re.compile(r"\b1\s*[A-Za-zµ°]+\.?\s*(?:=|≈|is|equals)\s*$")


def unit_sizes(text: str, mentions: list[Mention]) -> set[int]:
    """The numbers of ``text`` that state the size of a unit ("the conversions 1 in = 2.54 cm and
    1 lb = 0.4536 kg": 2.54 and 0.4536), no quantity for rules 1 and 10 to move a parameter onto."""
    return {i for i, m in enumerate(mentions) if _CONVERSION_STATED.search(text, 0, m.start)}


def _joined(text: str, mentions: list[Mention], a: int, b: int) -> bool:
    """Whether two numbers stand next to each other in one phrase, the first's unit and a
    preposition between them ("18.9 mg/L at 1 h", "120 km in 2 hours"; "1 h and 3.42 mg/L" are
    two phrases, "a 3 kg mass hang 1.5 m apart" no phrase)."""
    lo, hi = sorted((mentions[a], mentions[b]), key=lambda m: m.start)
    gap = text[lo.end:hi.start].split()
    return abs(a - b) == 1 and len(gap) == 2 and gap[1].lower() in _JOINING and not re.search(r"[.?!;,()]", gap[0])


def _joined_to(text: str, mentions: list[Mention], fits: list[int], held: list[int]) -> list[int]:
    """Of several candidate numbers, the one joined to a number the parameter holds
    (:func:`_joined`); all of them where that is not one."""
    if len(fits) < 2:
        return fits
    near = [i for i in fits if any(_joined(text, mentions, i, j) for j in held)]
    return near if len(near) == 1 else fits


def _one_pair_each(pairs: list[tuple]) -> list[tuple]:
    """The pairs (``(p, q, ...)``, two parameters first) whose two parameters are in no other
    pair: where one parameter could trade with two, which trade is meant is not clear."""
    names = Counter(x.name for pair in pairs for x in pair[:2])
    return [pair for pair in pairs if names[pair[0].name] == 1 and names[pair[1].name] == 1]


def _crossed(text: str, params: list[Parameter], mentions: list[Mention], words: list[str],
             said: list[str]) -> list[Rebinding]:
    """Rule 1, both taken: two parameters that each hold, alone, a number written in the other's
    unit and not in their own ("the town at 50 m records 30 °C" read as ``T_base = 50  # [°C]`` and
    ``h_base = 30  # [m]``) trade their numbers, converted into each one's unit. Two counts
    (``[1]``) trade where the nouns after their numbers say so (:func:`_counts_crossed`)."""
    sources = {p.name: _sources(p, mentions) for p in params}
    after = [_next_word(text, m) for m in mentions]
    # a zero the text writes once is the source of a zero named alike to another parameter but
    # for its quantity ("the town at 0 m records 26 °C" read as ``T_base = 0  # [°C]``, ``h_base =
    # 26  # [m]``): the names say the two are read together; a zero no name pairs (``T_freeze =
    # 0``) is the model's own
    written_zero = [i for i, m in enumerate(mentions) if m.value == 0]
    if len(written_zero) == 1:
        for p in params:
            if p.value == 0 and not sources[p.name] and any(
                    q is not p and q.value != 0 and _alike_but_quantity(p.name, q.name) for q in params):
                sources[p.name] = written_zero
    held = [i for p in params for i in sources[p.name]]

    def fits(k: int, unit: str, x: Parameter) -> bool:
        # a count in no unit counts what its words name ("54 animals" for ``total_count  #
        # number of animals [1]``)
        return _factor(said[k], unit) is not None or (
            unit == "1" and bool(said[k]) and not _unit_of_measure(said[k])
            and bool(_stems(said[k]) & _stems(_named_by(x))))

    pairs = []
    counts: set[str] = set()  # pairs of counts told apart by their nouns, not by units
    priced: set[str] = set()  # pairs of a total and a price apiece
    for p, q in combinations(params, 2):
        # each number held by its one parameter alone
        if len(sources[p.name]) != 1 or len(sources[q.name]) != 1 \
                or held.count(sources[p.name][0]) != 1 or held.count(sources[q.name][0]) != 1:
            continue
        i, j = sources[p.name][0], sources[q.name][0]
        up, uq = unit_key(p.unit), unit_key(q.unit)
        if i != j and up and uq and not fits(i, up, p) and not fits(j, uq, q) and fits(i, uq, q) and fits(j, up, p):
            pairs.append((p, q, i, j))
        elif i != j and any(c is not None and a == c and b == f"{c}/unit" == said[k] and said[n] == c
                            for a, b, k, n, c in ((up, uq, i, j, currency_of(up)), (uq, up, j, i, currency_of(uq)))):
            # an amount holding a price written per unit, and the price per unit an amount ("a
            # variable cost of 22.80 EUR per unit and fixed monthly costs of 6,500 EUR" read as
            # ``fixed_cost = 22.80  # [EUR]``, ``variable_cost = 6500  # [EUR/unit]``; an amount
            # alone can be a price, "EUR 48" each, but a price per unit is no amount)
            pairs.append((p, q, i, j))
        elif i != j and up == uq and up not in ("", "1") and any(
                _TOTAL_WORDS.search(_named_by(a)) and _EACH_WORDS.search(_named_by(b)) and not _EACH_WORDS.search(
                    _named_by(a)) and _priced_each(text, mentions[k], words[k]) and not _priced_each(text, mentions[n], words[n])
                for a, b, k, n in ((p, q, i, j), (q, p, j, i))):
            # a total holding a price written "apiece" and the price a total ("adult tickets cost 9
            # dollars apiece ... 132 tickets cost 1,018 dollars altogether" read as ``total_value =
            # 9``, ``price_adult = 1018``, both ``[USD]``; so with things: "large crates 22 bottles
            # apiece ... 979 bottles altogether" for ``[bottles]``)
            pairs.append((p, q, i, j))
            priced.add(p.name)
        elif i != j and up == uq == "1" and (_counts_crossed(p, q, after[i], after[j])
                                            or _counts_crossed(q, p, after[j], after[i])):
            pairs.append((p, q, i, j))
            counts.add(p.name)
    moves = []
    paired = {x.name for pair in pairs for x in pair[:2]}
    # the same with a third number: one holds the other's number, the other one a number that
    # fits neither, and one free number fits the first ("18 animals on a farm have 58 legs ...
    # 23 exercises" read as ``total_count = 58  # number of animals``, ``total_value = 23  #
    # [legs]``): the first takes the free number, the other the first one's
    free = free_numbers(text, params, mentions)
    for p, q in permutations([x for x in params if x.name not in paired], 2):
        if len(sources[p.name]) != 1 or len(sources[q.name]) != 1 \
                or held.count(sources[p.name][0]) != 1 or held.count(sources[q.name][0]) != 1:
            continue
        i, j = sources[p.name][0], sources[q.name][0]
        up, uq = unit_key(p.unit), unit_key(q.unit)
        if i == j or not up or not uq or up == uq or not said[j] or _unit_of_measure(said[j]) \
                or not (fits(i, uq, q) and not fits(i, up, p) and not fits(j, uq, q) and not fits(j, up, p)):
            continue
        spare = [k for k in free if fits(k, up, p) and not fits(k, uq, q)]
        if len(spare) == 1:
            k = spare[0]
            moves += [Rebinding(p.name, p.value, _value(mentions[k], p, _factor(said[k], up) or Decimal(1)),
                                f"the problem gives {_as_written(mentions[k], words[k])}; {mentions[i].written} "
                                f"is in {words[i]}"),
                      Rebinding(q.name, q.value, _value(mentions[i], q, _factor(said[i], uq) or Decimal(1)),
                                f"the problem gives {_as_written(mentions[i], words[i])}; {mentions[j].written} "
                                f"counts {words[j]}")]
            paired |= {p.name, q.name}
    for p, q, i, j in _one_pair_each(pairs):
        for a, k, b in ((p, j, i), (q, i, j)):
            factor = _factor(said[k], unit_key(a.unit)) or Decimal(1)
            why = (f"{mentions[b].written} counts {words[b]} ..., not what it counts" if p.name in counts
                   else (f"{mentions[b].written} is {'a price ' if currency_of(unit_key(a.unit)) else ''}apiece"
                         if _priced_each(text, mentions[b], words[b])
                         else f"{mentions[b].written} is a total") if p.name in priced
                   else f"{mentions[b].written} is in {words[b]}")
            moves.append(Rebinding(a.name, a.value, _value(mentions[k], a, factor),
                                   f"the problem gives {_as_written(mentions[k], words[k])}; {why}"))
    return [mv for mv in moves if mv.new != mv.old]


def _alike_but_quantity(a: str, b: str) -> bool:
    """Whether two names differ only by the quantity before their shared qualifier (``T_base``,
    ``h_base``; ``T0``, ``x0`` do not count: a digit qualifies nothing)."""
    pa, _, qa = a.partition("_")
    pb, _, qb = b.partition("_")
    return bool(qa) and qa == qb and len(qa) > 1 and pa != pb


#: Words of a parameter that is a total ("total ticket revenue"), and of one that is a price of
#: one item ("ticket revenue per adult ticket", "price of each").
_TOTAL_WORDS = re.compile(r"\b(?:total|altogether|overall|in all|sum)\b", re.IGNORECASE)
_EACH_WORDS = re.compile(r"\b(?:per|each|apiece|one|unit)\b", re.IGNORECASE)


def _priced_each(text: str, m: Mention, word: str) -> bool:
    """Whether the text writes ``m`` as a price of one item: "9 dollars apiece", "$4 each"."""
    rest = text[m.end:]
    if word and word not in "$€£¥₹" and rest.lstrip().lower().startswith(word.lower()):
        rest = rest.lstrip()[len(word):]
    return bool(_EACH.match(rest))


def _next_word(text: str, m: Mention) -> str:
    """The word written right after a number (not a list's shared unit: "5 and 3 desserts" gives
    5 the word "and")."""
    after = text[m.end:].split()[:1]
    return after[0].strip(".,;:?!()") if after else ""


def _counts_crossed(p: Parameter, q: Parameter, held: str, other: str) -> bool:
    """Two counts read crosswise, told by the word after each number: ``n  # number of books``
    holds the 4 of "4 different slots" and ``k  # ordered positions to fill`` the 11 of "11
    books". The word after the number ``q`` holds names ``p`` (and not ``q``); the word after
    ``p``'s number is a word too and names neither."""
    named_p, named_q = _count_words(p), _count_words(q)
    noun_other, noun_held = _stems(other), _stems(held)
    return bool(noun_other and noun_held and named_p & noun_other and not named_q & noun_other
                and not (named_p | named_q) & noun_held)


#: An area or volume in a unit of length, spelled alike ("65 km²" is ``km^2``), or hectares.
_AREA_KEY = re.compile(r"(?:mm|cm|m|km|in|ft|yd|mi)\^[23]|ha")


def _spare(fits: list[int], params: list[Parameter], sources: dict[str, list[int]],
           mentions: list[Mention]) -> list[int]:
    """Of the numbers ``fits``, all taken, the first mention of the one value the text writes more
    often than parameters take it ([] if none or several)."""
    spare = []
    for value in dict.fromkeys(mentions[i].value for i in fits):
        written = [i for i in fits if mentions[i].value == value]
        takers = sum(1 for p in params if any(i in written for i in sources[p.name]))
        if len(written) > takers:
            spare.append(written[0])
    return spare if len(spare) == 1 else []


def _apply(program: str, params: list[Parameter], moves: list[Rebinding],
           units: bool = False) -> tuple[str, list[Parameter]]:
    """The program with ``moves`` made, and its parameters; with ``units``, each moved
    parameter's comment also names the unit the move gives it (rule 10's ``Rebinding.unit``)."""
    if not moves:
        return program, params
    program = set_parameters(program, {mv.name: mv.new for mv in moves})
    if units:
        lines = program.splitlines(keepends=True)
        for mv in moves:
            p = next(q for q in params if q.name == mv.name)
            if mv.unit and p.unit and p.line:
                code, hash_, comment = lines[p.line - 1].partition("#")
                lines[p.line - 1] = code + hash_ + comment.replace(f"[{p.unit}]", f"[{mv.unit}]", 1)
        program = "".join(lines)
    return program, parse_parameters(program)


#: What follows the hour of a time of day: "6 pm", "10 a.m.", "7 o'clock", "9:00".
_CLOCK_TIME = re.compile(r"\s*(?:[ap]\.?m\b\.?|o'clock\b)|:[0-5]\d\b", re.IGNORECASE)
#: Words of a count's description that name no thing of its own.
_GENERIC_COUNT = frozenset(_stems("number count total amount of the each per side by"))


def _made_up(text: str, program: str, params: list[Parameter], mentions: list[Mention], words: list[str],
             said: list[str], days: set[float]) -> list[Rebinding]:
    """Rule 3: a value the text does not give (or only as a conversion of another parameter's
    number, or as a denominator, or as the day of a date: one of ``days``), and one number in the
    parameter's unit that no parameter of that unit takes."""
    from .verify import (
        ground,  # the verifier's notion of "not given" (conventions such as 12 months excluded)
    )

    invented = {item.partition(" = ")[0] for item in ground(text, program).invented}
    sources = {p.name: _sources(p, mentions) for p in params}
    _percent_only(params, mentions, said, sources)
    # a rate a unit of time holding a percentage's number whole (``ka = 60  # [1/h]`` for "a
    # bioavailability of 60%"): the verifier's percentage is no rate
    invented |= {p.name for p in params if unit_key(p.unit).startswith("1/") and is_measure(unit_key(p.unit))
                 and not sources[p.name] and p.value > 1  # (60 [1/h] would be a clock's 60)
                 and not re.search(r"period|payment|compound|times|frequen|count|number", _named_by(p), re.IGNORECASE)
                 and any(m.percent and float(m.value) == p.value for m in mentions)}  # (2 a year: no 2%)
    # a value the text writes only as the day of a date ("took place on 8 April") is not given
    dated = {p.name for p in params if not sources[p.name] and p.value in days and p.name not in invented
             and structural_reason(p) is None}  # 12 months a year is no date's 12
    invented |= dated
    # a convention literal is no convention in a span of time: ``years = 12  # [year]`` for
    # "after 7 years" (12 months a year is ``[month/year]``; 12 months for "1 year" a conversion)
    spans = {p.name for p in params if p.name not in invented and not sources[p.name] and p.value > 1
             and _SIZE.get(unit_key(p.unit), ("",))[0] in _SPANS
             and (p.value not in _WHOLE_SPANS.get(unit_key(p.unit), ()) or _unnamed_span(text, p.value, unit_key(p.unit)))
             and not re.search(r"\bper\b|_per_|\bin (?:a|an|one)\b|\beach\b|\bevery\b", f"{p.description} {p.name}")
             and not any(_conversion_of(p.value, float(m.value * m.scale)) for m in mentions if m.value)}
    invented |= spans
    # a 1 in a unit of measure the text does not write ("a 5 kg mass on a 45 N/m spring" read as
    # ``k = 1.0  # [N/m]``): a placeholder, not a given value (the verifier counts 0 and 1 as
    # given, for the ``1 + rate`` and the unit masses of formulas)
    # (or in a unit the text writes a number in: ``c = 1.0  # [N*s/m]`` beside "2.9 N·s/m")
    invented |= {p.name for p in params if p.value == 1 and not sources[p.name]
                 and (is_measure(unit_key(p.unit)) or "·" in unit_key(p.unit) and unit_key(p.unit) in said)
                 and not unit_key(p.unit).startswith("1/") and structural_reason(p) is None}  # (once a year: given)
    # a count of the things the text counts once by their own noun, holding a small number the
    # text does not write ("Exactly 1 success in 4 tries" read as ``k = 2  # number of successes
    # wanted [1]``): the verifier's small literals are no count of them
    # (what it counts named after "number of"; the count written with it free: "Alice has half the
    # number of shells Ava has" names the 15 shells David has, which are his)
    held = {i for q in params for i in sources[q.name]}
    spelled = {float(m.value) for m in find_numbers(text) if m.word}  # ("plans seven runs in total")
    invented |= {p.name for p in params if unit_key(p.unit) == "1" and not sources[p.name] and p.value > 1
                 and p.value not in spelled
                 and float(p.value).is_integer() and structural_reason(p) is None
                 and (counted := re.search(r"\b(?:number|count) of (\w+)", p.description))
                 and len([i for i, m in enumerate(mentions) if _count(m) and said[i] and _count_noun(said[i])
                          and i not in held and _same_things(_stems(said[i]), _stems(counted[1]))]) == 1}
    # a temperature the text does not write is made up, whatever the verifier converts it from:
    # ``T0 = 32  # [°C]`` is "0 °C" in °F, no value in °C
    invented |= {p.name for p in params if unit_key(p.unit) in _TEMPERATURES and not sources[p.name]
                 and not any(float(abs(m.value)) == abs(p.value) for m in mentions)}
    # a price per unit of time the text gives no number for, however the verifier scales one,
    # where the text writes one in just that unit: ``rate = 0.07  # [USD/h]`` for "$7 is charged
    # per hour" is no 7 %
    invented |= {p.name for p in params if not sources[p.name] and "/" in unit_key(p.unit)
                 and currency_of(unit_key(p.unit).split("/")[0]) and unit_key(p.unit) in said
                 and p.value not in (0, 1) and structural_reason(p) is None
                 and not any(math.isclose(p.value, float(m.value * m.scale) * f, rel_tol=1e-9)
                             for m in mentions for f in (1, 100, 1000, 1e6, 12, 1 / 12))}
    # a fraction holding a unit conversion's factor (``fraction_left = 0.0254``, an inch in
    # metres) holds no conversion: the verifier's convention is no value of it
    invented |= {p.name for p in params if unit_key(p.unit) == "1" and not sources[p.name]
                 and p.value in _CONVERSION_LITERALS}
    # a time of day is no span: "open until 6 pm" gives no ``years = 6``
    clock = {i for i, m in enumerate(mentions) if _CLOCK_TIME.match(text, m.end)}
    invented |= {p.name for p in params if sources[p.name] and all(i in clock for i in sources[p.name])
                 and _SIZE.get(unit_key(p.unit), ("",))[0] in _SPANS}
    units = {p.name: unit_key(p.unit) for p in params}
    # a count in a noun of its own (``cookies_known = 300  # [cookie]``) is a count too: a measure
    # it holds ("300 g of flour") is miscounted
    nouns = {p.name: units[p.name] for p in params if _count_noun(units[p.name])}
    # a number counts as taken when a parameter of its own unit (or of none: a count) takes it;
    # "16 kg" taken by a concentration in [%] is still free for the amount in [kg]
    by_unit: dict[str, list[Parameter]] = {}
    whose: dict[str, str] = {}  # a borrowed value -> the parameter that takes its number
    # a value that is only a conversion of a number written in a measure of another dimension
    # ("600 mg" as ``ka = 0.6  # [1/h]``) is no value of the parameter's unit
    listed = _listed_numbers(program, mentions)
    lenders = {p.name: _borrowed(p, params, mentions, sources, listed) for p in params if p.name not in invented}
    foreign = {p.name for p in params if p.name in lenders and lenders[p.name] is None and not sources[p.name]
               and is_measure(units[p.name]) and structural_reason(p) is None and _foreign(p, mentions, said)}
    invented |= foreign
    # a count holding a measure whose unit its words do not name ("6 runs of the 5 km park loop"
    # read as ``n_runs = 5  # [1]``; ``n = 10  # number of years [1]`` for "10 years" names it)
    miscounted = {p.name for p in params if (units[p.name] == "1" or p.name in nouns) and sources[p.name]
                  and p.name not in invented
                  and all(is_measure(said[i]) and said[i] not in _named_units(p) and words[i].lower() not in {"a", "an"}
                          for i in sources[p.name])}  # "sells 430 a week": no are
    invented |= miscounted
    # (a count holding a measure takes no number: "375 m" read as ``pens = 375`` is still free for
    # the fence in [m])
    owned = {i for p in params if p.name not in miscounted for i in sources[p.name]
             if units[p.name] in {"", "1"} or p.name in nouns or not said[i] or said[i] in _NO_UNIT
             or _factor(said[i], units[p.name]) is not None}  # ("in 1995 and ...": year1's, no unit)
    owned |= {i for found in listed.values() for i in found}  # (a data line's items are taken too)
    # an initial amount of a dissolved substance left at zero where the text says nothing of a
    # start with none ("they start with 3.2 and 60 kg of salt" read as ``S1_0 = S2_0 = 0``)
    zeroed = set() if _SAYS_NONE.search(text) else {
        p.name for p in params if p.value == 0 and not sources[p.name] and _dissolved(p, units[p.name])
        and structural_reason(p) is None}
    # a zero the text writes where something starts ("a capacitor charging from 0 V through 1 kΩ
    # on a 24 V supply") is no value of a parameter that is no start (``V_s  # supply voltage``)
    zeros = {p.name: [i for i, m in enumerate(mentions) if m.value == 0 and _factor(said[i], units[p.name]) is not None]
             for p in params if p.value == 0 and is_measure(units[p.name])}
    started = {p.name for p in params if zeros.get(p.name)
               and all(_FROM_ZERO.search(text[:mentions[i].start]) for i in zeros[p.name]) and not _initial(p)
               and not re.search(r"\b(?:start\w*|begin\w*|zero|rest|empty|from)\b", _named_by(p), re.IGNORECASE)}
    zeroed |= started
    # a zero the text does not write, for a measure that is no start ("which starts 1.5 hours
    # later" read as ``delay = 0  # how much later the bus from Jasper starts [h]``): a free number
    # of its unit written with its own words is its value
    unwritten = {p.name for p in params if p.value == 0 and p.name in zeros and not zeros[p.name]
                 and not _initial(p) and not re.search(r"start|begin|zero|rest|empty|from|init", p.name, re.IGNORECASE)
                 and structural_reason(p) is None} - zeroed
    for p in params:
        lender = lenders.get(p.name)
        # "5.4 °F per 1,000 ft" gives no altitude of 1,000 ft: a denominator is no value
        per = bool(sources[p.name]) and all(after_per(text, mentions[i]) for i in sources[p.name])
        if ((p.name in invented or lender or per) and p.value != 0 or p.name in zeroed | unwritten) and units[p.name]:
            by_unit.setdefault(units[p.name], []).append(p)
            if lender:
                whose[p.name] = lender

    lone: set[str] = set()  # those that take the text's one free count with no unit
    by_noun: set[str] = set()  # those that take the one free count of the noun their words name

    def fitting(p: Parameter, unit: str) -> list[int]:
        """The free numbers of the text that can be ``p``'s value in ``unit``."""
        # (a unit of its dimension counts, converted: "2.2 kΩ" for ``R  # [Ohm]``; a zero only
        # in the parameter's own unit, where no parameter of that unit holds zero: "shows 0 °C")
        # (nor where one named alike but for its quantity holds zero: the two trade, see _crossed)
        zero = unit not in {"", "1"} and not any(
            q.value == 0 and (units[q.name] == unit or _alike_but_quantity(p.name, q.name)) for q in params)
        fits = [i for i, (u, m) in enumerate(zip(said, mentions, strict=True))
                if i not in owned and (m.value != 0 or (zero and u == unit)) and not after_per(text, m)
                and (_written_in(u, unit, p.value) or _factor(u, unit) is not None or _counted_per(text, m, p, unit)
                     or (unit == "1" and _whole(p.value) and _count(m))
                     or (unit == "1" and 0 < abs(p.value) < 1 and _per_base(text, m) is not None))]
        if len(fits) > 1 and unit != "%":
            # "absorption at 3 per hour and a bioavailability of 50%" for ``ka  # [1/h]``: a number
            # written in the rate's own unit is it, rather than a percentage
            exact = [i for i in fits if _factor(said[i], unit) is not None]
            fits = exact if len(exact) == 1 else fits
        if len(fits) > 1 and ("/" in unit or _SIZE.get(unit, ("",))[0] in _SPANS):
            # "$7 is charged per hour" for ``rate  # [USD/h]``, rather than the bill's "$70"; "14 h"
            # for ``t2  # [h]``, rather than an aside's "3 weeks": the one written in its unit
            exact = [i for i in fits if said[i] == unit]
            fits = exact if len(exact) == 1 else fits
        if len(fits) > 1 and p.name in invented:
            # "an elimination half-life of 1.2 hours" for ``half_life = 12  # [h]``, not the "9
            # weeks" since an appointment: the one written with the parameter's own words
            own = _stems(_named_by(p)) - _GENERIC_OWN
            mine = [i for i in fits if _clause_words(text, mentions[i]) & own]
            fits = mine if len(mine) == 1 else fits
        if p.name in unwritten:
            own = _stems(_named_by(p)) - _GENERIC_OWN
            fits = [i for i in fits if _clause_words(text, mentions[i]) & own]
        if len(fits) > 1 and currency_of(unit) == unit:
            # an amount of money, not a price per something other than time ("49.20 EUR ... 1.60
            # EUR is charged per kilometre" for ``total  # [EUR]``; "$500 per month" can be a
            # payment)
            lump = [i for i in fits if not _PRICED_PER.match(text, mentions[i].end)]
            fits = lump or fits
        if len(fits) > 1 and unit == "1":
            # a count: the one number written with a word of its own ("1 internal fence ... 2 equal
            # pens" for ``pens  # number of equal pens``)
            own = _count_words(p)
            named = [i for i in fits if _stems(" ".join(text[mentions[i].end:].split()[:2])) & own]
            fits = named if len(named) == 1 else fits
        if len(fits) > 1 and unit == "1" and 0 < abs(p.value) < 1:
            # a fraction: the number written beside its own words, else not one written beside
            # another parameter's ("1 in 200 of people have a bacterial infection, and a test with
            # 80% sensitivity and 86% specificity" for ``prevalence  # [1]``: not the 86%)
            def beside(i: int) -> set[str]:
                return _stems(" ".join(text[:mentions[i].start].split()[-2:] + text[mentions[i].end:].split()[:2]))

            own = _stems(_named_by(p)) - _GENERIC_OWN
            mine = [i for i in fits if beside(i) & own]
            theirs = [i for i in fits if any(beside(i) & (_stems(_named_by(q)) - _GENERIC_OWN)
                                             for q in params if q is not p)]
            fits = mine if len(mine) == 1 else [i for i in fits if i not in theirs] or fits
        if not fits and p.name in nouns and p.name in invented:
            # a made-up count of things and the one free count written with the noun its words
            # name ("30 aphids and 40 ladybirds" for ``x0 = 8  # initial aphids [animals]``)
            fits = [i for i, m in enumerate(mentions) if i not in owned and _count(m) and said[i]
                    and not is_money(text, m) and _same_things(_stems(said[i]), _count_words(p))]
            fits = fits if len(fits) == 1 else []
            if fits:
                by_noun.add(p.name)  # (no difference of the text's numbers it happens to be)
        if not fits and p.name in nouns and p.name in invented:
            # a made-up count of things and a free number written with no unit right after the
            # words that name the parameter ("... and carrying capacity 76,000" for ``K = 68  #
            # [people]``, 68 being a percentage)
            own = _stems(_named_by(p))
            bare = [i for i, m in enumerate(mentions) if i not in owned and (not said[i] or said[i] in _NO_UNIT)
                    and _count(m) and not is_money(text, m) and not after_per(text, m)]
            fits = [i for i in bare if _stems(" ".join(text[:mentions[i].start].split()[-3:])) & own]
            if not fits and len(bare) == 1 and not any(said[i] == nouns[p.name] for i in range(len(mentions))
                                                       if i not in owned):
                # or the one free count with no unit at all ("toward a ceiling of 30,000 at an
                # intrinsic rate" for ``K = 130000  # carrying capacity [people]``)
                fits = bare
                lone.add(p.name)
        if not fits and p.name in invented and unit not in {"", "1"}:
            # a made-up value whose unit the text spells otherwise, beside a parameter of its unit
            # that holds a number so spelled (``N2 = 1000  # [Gt/year]`` beside ``N1 = 232`` for
            # "232 gigatonnes per year"): the one free number spelled alike
            kin = {said[i] for q in params if q is not p and units[q.name] == unit for i in sources[q.name]}
            if len(kin) == 1 and "" not in kin and _factor(next(iter(kin)), unit) is None:
                held = {i for q in params for i in sources[q.name]}
                alike = [i for i, m in enumerate(mentions) if i not in owned | held and said[i] in kin
                         and m.value != 0 and not after_per(text, m)]
                fits = alike if len(alike) == 1 else []
        if not fits and p.name in nouns and (p.name in invented or p.name in whose):
            # (a count that is only a conversion of another parameter's rate is made up too:
            # ``x0 = 82.08  # [animals]``, 0.0228 × 3600)
            # a made-up count in a noun that names no number of the text, while a parameter of that
            # noun holds a number counted in another noun (``x0 = 4  # [animals]`` beside ``y0 =
            # 37  # [animals]`` for "37 foxes"): the noun is a kind, and the one free whole number
            # counted in a noun of its own is its ("20 rabbits")
            kin = {said[i] for q in params if q is not p and nouns.get(q.name) == nouns[p.name] for i in sources[q.name]}
            if kin and nouns[p.name] not in kin and not any(said[i] == nouns[p.name] for i in range(len(mentions))):
                counted = [i for i, m in enumerate(mentions) if i not in owned and said[i] and said[i] not in kin
                           and not is_measure(said[i]) and said[i] not in _CURRENCIES and said[i] not in _NO_UNIT
                           and said[i] != "%" and _count(m) and not is_money(text, m) and not after_per(text, m)]
                fits = counted if len(counted) == 1 else []
        if p.name in nouns and p.name in miscounted:
            # a count in a noun of the model's own holding a measure counts what the counts of
            # that noun count in the text, and only that: "10 people" taken by ``cookies_target  #
            # [cookie]`` makes "4 people", not "2 eggs", the known cookies; with no such kin, no
            # number is clearly its
            kin = {said[i] for q in params if q is not p and nouns.get(q.name) == nouns[p.name]
                   for i in sources[q.name]}
            alike = [i for i, m in enumerate(mentions) if i not in owned and said[i] in kin and _count(m)
                     and not after_per(text, m)]
            fits = alike if len(kin) == 1 and "" not in kin and len(alike) == 1 else []
        if len(fits) > 1 and len({(float(mentions[i].value), said[i]) for i in fits}) == 1:
            # one number written twice in one unit ("the air is a steady −5 °C ... the air
            # temperature stays at −5 °C"): one value, not two candidates
            fits = fits[:1]
        return fits

    def why(p: Parameter) -> str:
        return ("the problem says nothing of a start with none" if p.name in zeroed
                else f"the problem does not give {fmt_value(p.value)}")

    moves: list[tuple[int, Rebinding]] = []
    for unit, group in by_unit.items():
        if len(group) != 1:
            # several made-up values of one unit: which number is whose is not clear, unless
            # the text lists as many free numbers and the names number the parameters
            # ("they start with 3.2 and 60 kg" for ``S1_0``, ``S2_0``), or only one of them can
            # take any free number (``fraction_left = 0.00573  # [1]`` can take "57.1%", ``m0 =
            # 57.1  # initial amount [1]`` no number)
            fits = [fitting(p, unit) for p in group]
            # (a bare number counts too: "a ceiling of 120,000 at" for ``K  # [people]``)
            bare = [i for i, m in enumerate(mentions) if i not in owned and (not said[i] or said[i] in _NO_UNIT)
                    and not m.percent and m.value != 0 and not is_money(text, m)]
            moved = (_one_scale_off(group, [sorted(set(f) | set(bare)) for f in fits], mentions, words, unit)
                     or _in_list_order(text, group, fits, mentions, words, said, unit, why)
                     or _by_own_words(text, group, fits, mentions, words, said, owned, unit, why)
                     or _by_numbered_companion(text, group, fits, params, mentions, words, said, unit, why))
            fitted = [p for p, f in zip(group, fits, strict=True) if f]
            if moved or len(fitted) != 1:
                moves += moved
                continue
            group = fitted
        p = group[0]
        fits = fitting(p, unit)
        twin = _unread_twin(p, params, units, sources, program) if not fits and p.name in invented else None
        if twin is not None:
            # a made-up value beside a parameter of its unit that holds the text's number and that
            # the program never reads ("in 13 years' time" as ``years = 13``, unread, and
            # ``years_in_years = 12`` in the formula): the number is the made-up one's
            fits = sources[twin.name]
        if not fits and p.name in miscounted and _count_words(p) and not _count_words(p) & _stems(text) \
                and not any(_count(mentions[i]) and not _unit_of_measure(said[i])
                            for i in free_numbers(text, params, mentions)):
            # a count of things the text never names, with no count of the text free ("pens = 275
            # # number of equal pens" from "275 m of fence" for one rectangle): one of them
            moves.append((-1 - len(moves), Rebinding(p.name, p.value, 1.0, f"{fmt_value(p.value)} is a measure in "
                                                     f"{words[sources[p.name][0]]}, and the problem never names "
                                                     f"what {p.name} counts: one")))
            continue
        if len(fits) != 1:
            continue  # no free number in the unit, or several
        m = mentions[fits[0]]
        taken = [i for q in params if units[q.name] == unit for i in sources[q.name]]
        # (a number written twice and held twice, "costs 11,000 dollars" for two items, is no such,
        # unless the free number stands with a holder's words: "14 °C to 14 °C with the air at -1 °C")
        same = [q for q in params if units[q.name] == unit and sources[q.name]]
        near = _clause_words(text, m)
        if any(sum(r.value == q.value for r in same) > len(sources[q.name]) for q in same) or (
                len(taken) != len(set(taken)) and any(near & (_stems(_named_by(q)) - _GENERIC_OWN) for q in same)):
            continue  # "a 4 kg box on a 2 kg cart" read as 4 and 4: the free 2 kg may be the cart's
        # (a count holding a percentage's number, ``k = 10`` beside "10%", copies it: no ratio of
        # "1 success" and "10%")
        copied = unit == "1" and any(o.percent and float(o.value) == p.value for o in mentions)
        if p.name not in miscounted | zeroed | whose.keys() | by_noun and not copied \
                and _derived(text, p.value, mentions, said, unit):
            continue  # "row 1 has 20 seats, row 2 24": a step of 4 is read off the text, not made up
        why = (f"{fmt_value(p.value)} is a conversion of the number {whose[p.name]} takes" if p.name in whose
               else f"0 {words[zeros[p.name][0]]} is where something starts, {p.name} is no start"
               if p.name in started
               else "the problem says nothing of a start with none" if p.name in zeroed
               else f"the problem writes no 0 for {p.name}, which is no start" if p.name in unwritten
               else f"{fmt_value(p.value)} is only a conversion of a number in another dimension"
               if p.name in foreign
               else f"{fmt_value(p.value)} is a measure in {words[sources[p.name][0]]}, {p.name} has no unit"
               if p.name in miscounted
               else f"{fmt_value(p.value)} is a denominator (per ...)" if p.name not in invented
               else f"the problem gives {fmt_value(p.value)} only as the day of a date" if p.name in dated
               else f"the problem does not give {fmt_value(p.value)}")
        base = _per_base(text, m) if unit == "1" and 0 < abs(p.value) < 1 else None
        new = _value(m, p, Decimal(1) / base if base else _factor(said[fits[0]], unit) or Decimal(1))
        if new == p.value:
            continue  # "1.93 m" as ``height_cm = 193``: a conversion, not made up
        free = (f"its one free number in {words[fits[0]]} written with its words is {m.written}"
                if p.name in unwritten else
                f"its one free rate is {m.written} per {int(base):,}" if base else
                f"{twin.name}, which the program never uses, holds {m.written}" if twin is not None else
                f"its one free number in {words[fits[0]]} is {m.written}{' ' + m.scale_name if m.scale_name else ''}"
                if words[fits[0]] and p.name not in lone else
                f"the one free count is {m.written}" if p.name in lone else
                f"the free number written after its name is {m.written}")
        moves.append((fits[0], Rebinding(p.name, p.value, new, f"{why}; {free}")))
    # "0.8% per year" as the one free number of a rate and of a fraction: whose it is is not clear
    targets = [i for i, _ in moves]
    return [mv for i, mv in moves if targets.count(i) == 1]


#: A time constant right before its number: "with a time constant of 2.2 hours", "τ = 3 min".
_TIME_CONSTANT = re.compile(r"(?:\btime constant|τ)\s*(?:of|is|=|:)?\s*(?:about\s+)?$", re.IGNORECASE)


def _rounded_reciprocal(text: str, program: str, params: list[Parameter], mentions: list[Mention],
                        said: list[str]) -> list[Rebinding]:
    """Rule 3, a rate worked out and rounded: a value the text does not give, in a unit per
    something (``k = 0.323  # [1/h]``), that is within 1% of the reciprocal of the one number no
    parameter takes written in that something ("a time constant of 3.1 hours"): the reciprocal,
    unrounded (0.32258...); a rounded rate drifts the answer past its tolerance. A free time
    constant gives its reciprocal however far the made-up rate is from it (``k = 0.045  #
    [1/min]`` for "a time constant of 2.2 hours": 1/132 per minute), and so does one the rate
    holds as written (``k = 3.9  # [1/h]`` for "a time constant of 3.9 hours")."""
    from .verify import ground

    invented = {item.partition(" = ")[0] for item in ground(text, program).invented}
    sources = {p.name: _sources(p, mentions) for p in params}
    taken = {i for found in sources.values() for i in found}
    moves = []
    for p in params:
        unit = unit_key(p.unit)
        if not unit.startswith("1/") or not p.value or isinstance(p.value, list):
            continue
        # a rate holding a time constant as written ("a time constant of 3.9 hours" read as ``k =
        # 3.9  # cooling constant [1/h]``): its reciprocal
        held = sources[p.name]
        if len(held) == 1 and (factor := _factor(said[held[0]], unit[2:])) is not None \
                and _TIME_CONSTANT.search(text, 0, mentions[held[0]].start) and not _scaled(program, p.name):
            m = mentions[held[0]]
            v = float(abs(m.value) * m.scale * factor)
            moves.append(Rebinding(p.name, p.value, 1 / v, f"{m.written} {said[held[0]]} is a time constant; "
                                                           f"the rate is its reciprocal, {fmt_value(1 / v)}"))
            continue
        # (or a value that is only a conversion of a number another parameter takes, or of one in
        # another dimension: ``k = 0.045  # [1/min]`` beside ``T_air = 45``)
        if p.name not in invented and not (not sources[p.name] and (_borrowed(p, params, mentions, sources)
                                                                    or _foreign(p, mentions, said))):
            continue
        found = []
        for i, m in enumerate(mentions):
            factor = _factor(said[i], unit[2:])
            if i in taken or factor is None or not m.value or m.percent or after_per(text, m):
                continue
            v = float(abs(m.value) * m.scale * factor)
            if math.isclose(abs(p.value) * v, 1, rel_tol=0.01) or _TIME_CONSTANT.search(text, 0, m.start):
                found.append((i, v))
        if any(math.isclose(abs(p.value) * v, 1, rel_tol=1e-9) for _, v in found):
            continue  # (unrounded already)
        if len(found) == 1:
            i, v = found[0]
            how = ("rounded; unrounded it is" if math.isclose(abs(p.value) * v, 1, rel_tol=0.01)
                   else "the time constant's, is")
            moves.append(Rebinding(p.name, p.value, 1 / v, f"the problem does not give {fmt_value(p.value)}; "
                                   f"the reciprocal of {mentions[i].written} {said[i]}, {how} {fmt_value(1 / v)}"))
    return moves


#: A price per something other than time after a number ("1.60 EUR is charged per kilometre",
#: "$2 per kg"): no amount of money.
_PRICED_PER = re.compile(r"[^,.;:?!\d]{0,30}?\bper\s+(?!cent\b|(?:year|month|week|day|hour|annum|quarter)s?\b)[a-z]",
                         re.IGNORECASE)
#: Words that follow a number where a unit would stand but are none ("30,000 at an intrinsic rate").
_NO_UNIT = frozenset({"at", "and", "or", "in", "on", "for", "of", "to", "with", "by", "from", "is", "are", "was",
                      "were", "will", "which", "that", "when", "if", "but", "as"})

#: A word a calendar year follows: "in 1995", "by 2037", "the year 2012".
_BEFORE_YEAR = re.compile(r"\b(?:in|by|since|until|till|from|to|of|after|before|year)\s+$", re.IGNORECASE)


def _year_value(value: float | Decimal) -> bool:
    """Whether a value can be a calendar year: whole, from 1000 to 2999."""
    return math.isfinite(value) and value == int(value) and 1000 <= value <= 2999


def _calendar_year(text: str, m: Mention, said: str) -> bool:
    """Whether a number of the text reads as a calendar year ("in 1995", "2012:"): a year's value
    (:func:`_year_value`), no thousands comma, written with no unit after it and after a word a
    year follows (or with nothing after it)."""
    return (not m.percent and m.scale == 1 and "," not in m.written and _year_value(m.value)
            and not _unit_of_measure(said) and said not in _CURRENCIES
            and (not said or bool(_BEFORE_YEAR.search(text[max(0, m.start - 8):m.start]))))


#: A parameter that is a calendar year by its name or its words: ``year2``, ``year_query``,
#: "year of the second value".
_YEAR_NAME = re.compile(r"^(?:[a-z]+_)?year(?:\d+|_[a-z0-9]+)?$")
_YEAR_WORDS = re.compile(r"^(?:the\s+)?(?:calendar\s+)?year\s+(?:of|when|in)\b", re.IGNORECASE)


def _year_named(text: str, params: list[Parameter], mentions: list[Mention], said: list[str]) -> list[Rebinding]:
    """Rule 2, calendar years: a parameter named a year (``year2``, "year of the second value")
    that holds no calendar year (``year2 = 63.6`` for "from 6.8 GW (2009) to 63.6 GW (2015)"),
    beside another that holds one, takes the one calendar year of the text no parameter reads."""
    read = {i for p in params for i in _sources(p, mentions)}
    years = [i for i, m in enumerate(mentions) if _calendar_year(text, m, said[i])]
    free = [i for i in years if i not in read]
    if len(free) != 1:
        return []

    named = [p for p in params if _YEAR_NAME.match(p.name) or _YEAR_WORDS.match(p.description)]
    wrong = [p for p in named if not _year_value(p.value)]
    if len(wrong) != 1 or not any(_year_value(p.value) for p in named):
        return []
    p, m = wrong[0], mentions[free[0]]
    return [Rebinding(p.name, p.value, float(m.value),
                      f"{p.name} is a year; the one calendar year of the text no parameter reads is {m.written}")]


def _year_in_list(text: str, program: str, params: list[Parameter], mentions: list[Mention],
                  said: list[str]) -> list[Rebinding]:
    """Rule 2, the year asked beside a list of years: the one parameter in years that holds a
    year of a data line (``target_year = 1970  # year to extrapolate to`` beside ``years =
    np.array([1970, 1975, ...])`` for "predict for Zurich in 2014 ... 1970: 113, 1975: 110") takes
    the one calendar year of the text that neither a parameter nor a data line holds."""
    listed = {i for found in _listed_numbers(program, mentions).values() for i in found}
    read = {i for p in params for i in _sources(p, mentions)}
    free = [i for i, m in enumerate(mentions) if _calendar_year(text, m, said[i]) and i not in listed | read]
    takers = [p for p in params if unit_key(p.unit) == "year" and _year_value(p.value)
              and _sources(p, mentions) and set(_sources(p, mentions)) <= listed]
    if len(free) != 1 or len(takers) != 1 or not listed:
        return []
    p, m = takers[0], mentions[free[0]]
    return [Rebinding(p.name, p.value, float(m.value), f"{fmt_value(p.value)} is a year of the data; the one "
                                                       f"calendar year of the text no line reads is {m.written}")]


def written_with(text: str, name: str) -> set[float]:
    """The numbers the text writes with a person's name: "Anna gets 4 parts" and "8 that Kofi
    gets" give 4 and 8."""
    num = r"(\d[\d,]*(?:\.\d+)?)"
    found = re.findall(rf"\b{name}\s+(?:gets|receives|takes|has|is given|will get)\s+{num}", text)
    # (a person's part, not a place's order: "50 for Nice" is no part of Nice's)
    found += re.findall(rf"{num}\s+(?:parts?\s+)?(?:that|which)\s+{name}\s+(?:gets|receives|takes|has)\b", text)
    return {float(n.replace(",", "")) for n in found}


def named_alike(names: Iterable[str]) -> dict[str, dict[str, str]]:
    """Parameter names that differ only by a name after their common head (``ratio_nadia``,
    ``ratio_vera``): head -> {that name in lower case: the parameter's name}."""
    heads: dict[str, dict[str, str]] = {}
    for name in names:
        head, _, who = name.rpartition("_")
        if head and len(who) >= 3 and who.isalpha():
            heads.setdefault(head, {})[who.lower()] = name
    return heads


def _listed_roles(text: str, params: list[Parameter], mentions: list[Mention]) -> list[Rebinding]:
    """Rule 2, roles listed: a count of places to fill (``k  # ordered positions to fill``) that
    holds the number of the things that fill them ("choosing among 11 club members" read as ``n =
    k = 11``) takes the number of roles the text lists instead ("a president, a secretary and a
    treasurer": 3), where it writes one such list, the number once, and its noun names the other
    count's words, not the places'."""
    lists = _ROLES.findall(text) + _ORDINAL_ROLES.findall(text)
    if len(lists) != 1:
        return []
    roles = len(re.findall(r"\b(?:an?|the)\s|\b(?:first|second|third|fourth|fifth|sixth)\b", lists[0]))
    moves = []
    for p, q in permutations(params, 2):
        if unit_key(p.unit) != "1" or unit_key(q.unit) != "1" or p.value != q.value \
                or not _PLACES.search(f"{p.name} {p.description}") or _PLACES.search(f"{q.name} {q.description}"):
            continue
        held = _sources(p, mentions)
        if len(held) != 1 or _sources(q, mentions) != held:
            continue
        noun = " ".join(w for w in text[mentions[held[0]].end:].split()[:2]
                        if w.lower() not in {"in", "of", "a", "the", "and", "to"}).strip(".,;:?!")  # "11 club members"
        if not _stems(noun) & _count_words(q) or _stems(noun) & _count_words(p):
            continue
        moves.append(Rebinding(p.name, p.value, roles, f"the problem lists {roles} to fill ({lists[0]}); "
                                                       f"{mentions[held[0]].written} counts {noun}, {q.name}'s"))
    return moves


#: A list of roles or places, each with its article: "a president, a secretary and a treasurer".
_ROLES = re.compile(r"\b(?:an?|the)\s+[a-z-]+(?:,\s+(?:an?|the)\s+[a-z-]+)*,?\s+and\s+(?:an?|the)\s+[a-z-]+")
#: Places listed by their ordinals: "first, second and third place".
_ORDINAL_ROLES = re.compile(r"\bfirst(?:,\s+(?:second|third|fourth|fifth))*,?\s+and\s+(?:second|third|fourth|fifth|sixth)\b",
                            re.IGNORECASE)
#: The words of a count of places to fill.
_PLACES = re.compile(r"\b(?:positions?|roles?|offices?|posts?|slots?|places?|seats?|jobs?|prizes?|medals?)\b|^k$",
                     re.IGNORECASE)


def _by_name(text: str, params: list[Parameter]) -> list[Rebinding]:
    """Rule 2, a person's part: a parameter named after a person of the text (``ratio_zoe``) that
    holds another number than the one the text writes with that name ("Zoe gets 8 parts for every
    5 that Farid gets") takes that number, where the text writes one number with the name."""
    by = {p.name: p for p in params}
    groups = [alike for alike in named_alike(by).values() if len(alike) >= 2]
    if not groups:
        return []
    moves = []
    # the numbers the text writes with each name, where it writes one
    everyone = {w: ns for w in set(re.findall(r"\b[A-Z][a-z]+\b", text)) if len(ns := written_with(text, w)) == 1}
    for alike in groups:
        group = [by[name] for name in alike.values()]
        values = {p.name: p.value for p in group}
        unnamed = []
        before = len(moves)
        for who, p in zip(alike, group, strict=True):
            name = next((w for w in everyone if w.lower() == who), None)
            if name is None:
                unnamed.append(p)
                continue
            (n,) = everyone[name]
            # (not where it holds another name's number: the model may have kept the example's
            # names in the text's order, "ratio_dara = 9" for the second, Mateo's 9)
            if p.value != n and not any(p.value in ns for ns in everyone.values()):
                moves.append(Rebinding(p.name, p.value, n, f"the problem writes {fmt_value(n)} with {name}"))
                values[p.name] = n
        # the example's names (``ratio_ben`` beside the text's Zoe, Farid, Kofi): one of them left
        # holding a number another holds, and one number written with a name no one holds
        named = {values[p.name] for p in group if p not in unnamed}
        left = sorted({n for ns in everyone.values() for n in ns} - set(values.values()))
        clashing = [p for p in unnamed if values[p.name] in named or list(values.values()).count(values[p.name]) > 1]
        if len(moves) > before and named and len(left) == 1 and len(clashing) == 1:
            p = clashing[0]
            moves.append(Rebinding(p.name, p.value, left[0], f"{fmt_value(values[p.name])} is another's; the text "
                                                             f"writes {fmt_value(left[0])} with a name no parameter has"))
        elif len(moves) == before and clashing:
            # the example's names for the text's others, in order ("ratio_quinn = ratio_sven = 5"
            # beside ``ratio_grace = 5`` for "Grace gets 5 parts for every 6 that Yusuf gets and 5
            # that Ximena gets"): each the number written with the text's name in its place
            others = sorted((w for w in everyone if w.lower() not in alike), key=text.find)
            if len(others) == len(unnamed) >= 2:
                for p, w in zip(unnamed, others, strict=True):
                    (n,) = everyone[w]
                    if p.value != n:
                        moves.append(Rebinding(p.name, p.value, n, f"the problem writes {fmt_value(n)} with {w}, "
                                                                   f"the name in {p.name}'s place"))
    return moves


def _own_stems(p: Parameter, q: Parameter) -> tuple[set[str], set[str]]:
    """The word stems of ``p``'s name and description that ``q``'s lack, and the other way round."""
    a, b = _stems(_named_by(p)), _stems(_named_by(q))
    return a - b, b - a


def _beside_own(text: str, m: Mention, p: Parameter, q: Parameter) -> list[Parameter]:
    """Those of ``p`` and ``q`` whose own words (those the other's name and description lack)
    stand within two words of ``m``."""
    mine = _own_stems(p, q)
    near = _stems(" ".join(text[:m.start].split()[-2:] + text[m.end:].split()[:2]))
    named = [x for x, own in zip((p, q), mine, strict=True) if own & near]
    if named:
        return named
    # an inflow and an outflow of one unit: the words before the number say which way it flows
    # ("brine starts flowing in at 8 L per minute ... the mixture is drained at 6 L per minute"
    # for ``flow_in = flow_out = 6``)
    ways = [_way(f"{x.name.replace('_', ' ')} {x.description}") for x in (p, q)]
    if set(ways) != {"in", "out"}:
        return []
    said = _way(" ".join(text[:m.start].split()[-4:]))
    return [x for x, way in zip((p, q), ways, strict=True) if way == said]


#: The end of a sentence or of a list's item: a full stop, a semicolon, a question or exclamation
#: mark before a space or the end.
_STOP_MARK = re.compile(r"[.;?!](?=\s|$)")


def _in_sentence_own(text: str, m: Mention, p: Parameter, q: Parameter) -> list[Parameter]:
    """Those of ``p`` and ``q`` whose own words (those the other's name and description lack,
    not generic ones) stand in the sentence of ``m`` (up to a full stop, a semicolon, a question
    or exclamation mark: a bullet of a list)."""
    ends = [e.end() for e in _STOP_MARK.finditer(text)]  # (not a decimal point: "1.5 kg")
    lo = max([e for e in ends if e <= m.start], default=0)
    hi = min([e for e in ends if e > m.end], default=len(text))
    near = _stems(text[lo:hi])
    return [x for x, own in zip((p, q), _own_stems(p, q), strict=True) if (own - _GENERIC_OWN) & near]


_WAY_IN = re.compile(r"\b(?:in|into|inflow|inflowing|incoming|inlet|enters?|entering|add(?:s|ed)?|feeds?)\b", re.IGNORECASE)
_WAY_OUT = re.compile(r"\b(?:out|outflow|outgoing|outlet|drain(?:s|ed|ing)?|leaves?|leaving|removed?|removes|exits?|"
                      r"withdrawn)\b", re.IGNORECASE)


def _way(words: str) -> str | None:
    """'in' or 'out' where the words say which way a flow goes (and not both), else None."""
    ins, outs = bool(_WAY_IN.search(words)), bool(_WAY_OUT.search(words))
    return "in" if ins and not outs else "out" if outs and not ins else None


def _twins(text: str, params: list[Parameter], mentions: list[Mention], said: list[str]) -> list[Rebinding]:
    """Rule 2, one number read for two parameters: two parameters of one unit hold the one number
    of it the text writes once, and the text writes exactly one number in that unit that no
    parameter of it takes. Where the names differ only by their numbers (``t1``, ``t2`` for "from
    2,000 fronds at t = 1 d to 4,230 at t = 3 d"), the free number is the later-numbered one's
    where the text writes it after the held one, the earlier-numbered one's where before; for a
    count of things (``E0``, ``I0  # [people]`` for "5 exposed and 8 infectious cases"), it is the
    one's that the word after the free number names, where it names only that one (with no word
    after it, the one whose own words stand beside it). Other measures: where one of the two is
    the value of interest and the held number is the question's, the free number is the other's
    (``year1 = year_query = 2037``); else the one's whose own words stand beside the free number
    ("exactly 1 wet days during a holiday of 11 days" for ``days = k = 11``). A calendar year is
    a number in years ("in 1995")."""
    units = {p.name: unit_key(p.unit) for p in params}
    # (a zero counts as read from a zero of its unit: "they start with 0 and 400 g of salt")
    sources = {p.name: _sources(p, mentions) if p.value != 0 else
               [i for i, m in enumerate(mentions) if m.value == 0 and _factor(said[i], units[p.name]) is not None]
               for p in params}

    def in_unit(j: int, unit: str) -> bool:
        if _unit_of_measure(unit):
            # (a calendar year is a year: "in 1995" for ``year1  # [year]``; so is a unit after one
            # word, "exactly 1 wet days" for ``k  # [day]``)
            later = text[mentions[j].end:].split()[1:2]
            return (_factor(said[j], unit) is not None or (unit == "year" and _calendar_year(text, mentions[j], said[j]))
                    or bool(later) and unit_key(later[0]) == unit and not _unit_of_measure(said[j]))
        # a count: a whole number written with no unit of measure ("8 infectious cases")
        return _count(mentions[j]) and not _unit_of_measure(said[j]) and not is_money(text, mentions[j])

    # the numbers each parameter reads in its own unit ("5 days" gives no ``E0  # [people]``)
    held = {p.name: [i for i in sources[p.name] if in_unit(i, units[p.name])] for p in params}
    read = {i for found in sources.values() for i in found}
    moves = []
    for p, q in combinations(params, 2):
        unit = units[p.name]
        measure = _unit_of_measure(unit)
        # measures by their indices (``t1``, ``t2``) or by the question's number being the one
        # of interest, counts of things by their words
        asks = [x for x in (p, q) if _QUERY.search(x.description)]
        kind = (measure and len(asks) < 2) or _count_noun(unit) or unit == "1"
        if unit != units[q.name] or not kind or len(held[p.name]) != 1 or held[p.name] != held[q.name]:
            continue
        i = held[p.name][0]
        if sum(1 for r in params if units[r.name] == unit and i in held[r.name]) != 2:
            continue
        taken = {j for r in params if units[r.name] == unit for j in held[r.name]}
        values = {mentions[k].value for k in taken}
        free = [j for j, m in enumerate(mentions) if j not in taken and m.value != 0 and m.value not in values
                and in_unit(j, unit)
                # "on day 40" is the period's; a calendar year any parameter reads is taken (it is
                # no value of another dimension)
                and (j not in read or measure and not (unit == "year" and _calendar_year(text, mentions[j], said[j])))
                and not after_per(text, m)]
        several = len(free) > 1
        if not free or several and not (measure and _indexed(p, q) is None and not asks):
            continue
        j = free[0]
        if several:
            # several free numbers: the one in whose clause the words of one of the two (not the
            # other's) stand, where only one of the two has such a number ("24 °C at that
            # moment, 21.5 °C after 4 hours, and the surroundings are steady at 16 °C" for
            # ``T_env = T1 = 21.5``)
            own = _own_stems(p, q)
            picks = [[k for k in free if mine & _clause_words(text, mentions[k])] for mine in own]
            if sorted(len(x) for x in picks) != [0, 1]:
                continue
            j = next(x[0] for x in picks if x)
            mover = p if picks[0] else q
            how = f"with the words of {mover.name}"
        elif measure and _indexed(p, q) is None and asks:
            # "in 2037 ..., if it stood at 82 in 1995" read as ``year1 = year_query = 2037``: the
            # question's number is the one of interest's, the free one the other's
            if not _in_question(text, mentions[i]):
                continue
            mover = next(x for x in (p, q) if x is not asks[0])
            how = f"and {asks[0].name} is the one of interest"
        elif measure and _indexed(p, q) is None:
            # "exactly 1 wet days during a holiday of 11 days" read as ``days = k = 11``: the free
            # number is the one's whose own words (not the other's) stand beside it
            named = _beside_own(text, mentions[j], p, q)
            keeper = None
            if not named and not _in_sentence_own(text, mentions[j], p, q):
                # no words of either at the free number, but one's own words in the held number's
                # sentence ("drug is eliminated from the blood ..., with rate constant 0.25 per
                # hour" for ``ka = ke = 0.25``, "moves from the gut ... with rate constant 1.2 per
                # hour" free): that one keeps it and the other moves
                keep = _in_sentence_own(text, mentions[i], p, q)
                if len(keep) == 1:
                    keeper = keep[0]
                    named = [q if keeper is p else p]
            if len(named) != 1:
                continue
            mover = named[0]
            how = (f"and {mentions[i].written} stands in a sentence with the words of {keeper.name}" if keeper
                   else f"beside the words of {mover.name}")
        elif measure:
            first, second = _by_index([p, q])
            mover = second if mentions[j].start > mentions[i].start else first
            how = f"written {'after' if mover is second else 'before'} it"
        else:
            word = _stems(" ".join(text[mentions[j].end:].split()[:1]))
            named, how = [x for x in (p, q) if word & _count_words(x)], "which names"
            if not word:
                # no word after it ("... and carrying capacity 2,700?"): the one whose own words
                # (not the other's) stand beside it
                named, how = _beside_own(text, mentions[j], p, q), "beside the words of"
            if len(named) != 1:
                continue
            mover = named[0]
            how = f"{how} {mover.name}"
        # the mover's own words stand not at the free number but at one a third parameter holds,
        # whose own words do not ("... 9 °C 3 hours later, and the surroundings stay at 0 °C" for
        # ``T_env = T_target = 4`` beside ``T1 = 0``): the mover takes that one, the third the free one
        mine = _stems(_named_by(mover)) - _GENERIC_OWN
        if measure and not mine & _clause_words(text, mentions[j]):
            thirds = [(r, held[r.name][0]) for r in params if r not in (p, q) and units[r.name] == unit
                      and _indexed(mover, r) is None and len(held[r.name]) == 1 and _written_once(mentions, held[r.name][0])
                      and mine & _clause_words(text, mentions[held[r.name][0]])
                      and not (_stems(_named_by(r)) - _GENERIC_OWN) & _clause_words(text, mentions[held[r.name][0]])]
            if len(thirds) == 1:
                r, k = thirds[0]
                moves += [Rebinding(mover.name, mover.value, _in_own_unit(mentions[k], mover, said[k], unit),
                                    f"{p.name} and {q.name} both read {mentions[i].written}, written once; "
                                    f"{mentions[k].written} stands with the words of {mover.name}"),
                          Rebinding(r.name, r.value, _in_own_unit(mentions[j], r, said[j], unit),
                                    f"{mentions[k].written} is {mover.name}'s; the one free number "
                                    f"{'in ' + said[j] + ' ' if said[j] else ''}is {mentions[j].written}")]
                continue
        new = _in_own_unit(mentions[j], mover, said[j], unit)
        shown = said[j] if _factor(said[j], unit) is not None else unit  # (a calendar year has no unit word)
        moves.append(Rebinding(mover.name, mover.value, new,
                               f"{p.name} and {q.name} both read {mentions[i].written}, written once; "
                               + (f"of the free numbers in {shown}, {mentions[j].written} stands {how}" if len(free) > 1
                                  else f"the one free number {'in ' + shown + ' ' if measure else ''}"
                                       f"is {mentions[j].written}, {how}")))
    names = Counter(mv.name for mv in moves)
    return [mv for mv in moves if names[mv.name] == 1]


#: "from 2,337 to 1,963", "went from $3.20 to $3.80", "rose from 40 to 55 kg".
_FROM_TO = re.compile(r"\bfrom\s+(?:about\s+|around\s+)?$")
_TO = re.compile(r"^\s*(?:[^\s\d]{1,12}\s+)?to\s+(?:about\s+|around\s+)?[$£€]?\s*$")
#: "8,000 CHF to become 16,000 CHF", "500 to grow to 800": a change written with no "from".
_TO_BECOME = re.compile(r"^\s*(?:[^\s\d]{1,12}\s+)?to\s+(?:become|grow\s+(?:in)?to|reach|turn\s+into)\s+[$£€]?\s*$",
                        re.IGNORECASE)
#: Words that name a start and an end of a change.
_START_WORDS = re.compile(r"\b(?:old|initial|initially|start\w*|begin\w*|original|before|previous|earlier)\b",
                          re.IGNORECASE)
_END_WORDS = re.compile(r"\b(?:new|final|end\w*|after|later|latest|target|goal)\b", re.IGNORECASE)


def _names_end(p: Parameter) -> bool | None:
    """True for a parameter named for the end of a change, False for its start, None for
    neither or both (:data:`_START_WORDS`, :data:`_END_WORDS`)."""
    words = _named_by(p).replace("_", " ")
    start, end = bool(_START_WORDS.search(words)), bool(_END_WORDS.search(words))
    return None if start == end else end


def _from_to(text: str, params: list[Parameter], mentions: list[Mention]) -> list[Rebinding]:
    """Rule 2, a change written "from A to B" (or "A to become B"): two parameters of one unit, one
    named for the start of a change (``old``, ``initial``, ``before``) and the other for its end
    (``new``, ``final``, ``after``, ``target``), hold B and A (``old = 1963``, ``new = 2337`` for "it moved from 2,337 to 1,963"):
    they trade. Only where the text writes each of the two numbers once."""
    sources = {p.name: _sources(p, mentions) for p in params}
    pairs = [(i, i + 1) for i in range(len(mentions) - 1)
             if (_FROM_TO.search(text[max(0, mentions[i].start - 20):mentions[i].start])
                 and _TO.match(text[mentions[i].end:mentions[i + 1].start]))
             or _TO_BECOME.match(text[mentions[i].end:mentions[i + 1].start])]
    moves = []
    for a, b in pairs:
        if sum(1 for m in mentions if m.value == mentions[a].value) != 1 \
                or sum(1 for m in mentions if m.value == mentions[b].value) != 1:
            continue
        starts = [p for p in params if sources[p.name] == [b] and _names_end(p) is False]
        ends = [p for p in params if sources[p.name] == [a] and _names_end(p) is True]
        if len(starts) != 1 or len(ends) != 1 or unit_key(starts[0].unit) != unit_key(ends[0].unit):
            continue
        p, q = starts[0], ends[0]
        moves += [Rebinding(p.name, p.value, q.value, f"the change runs from {mentions[a].written}, {p.name} its start"),
                  Rebinding(q.name, q.value, p.value, f"the change runs to {mentions[b].written}, {q.name} its end")]
    names = Counter(mv.name for mv in moves)
    return [mv for mv in moves if names[mv.name] == 1]


#: A total, then its parts: "33 pieces have to be cut: 15 measuring 3.25 m and the other 18".
_PARTS_LEAD = re.compile(r"^[^.;?!\d]{0,60}(?::|\bof (?:which|them|these)\b|\bincluding\b|\bnamely\b)[^.;?!\d]{0,12}$",
                         re.IGNORECASE)
_THE_OTHER = re.compile(r"\b(?:and\s+)?(?:the\s+)?(?:other|remaining|rest)\s+$", re.IGNORECASE)
#: The tokens that order a pair of parameters named alike: ``need_a`` before ``need_b``.
_ORDER_TOKENS = ("a", "b", "1", "2", "first", "second")


def _pair_order(p: Parameter, q: Parameter) -> int | None:
    """-1 where ``p`` comes first of two parameters named alike but for one token (``need_a``,
    ``need_b``; ``n1``, ``n2``), 1 where ``q`` does, None where the names tell no order."""
    a, b = re.split(r"_|(?<=[a-z])(?=\d)", p.name.lower()), re.split(r"_|(?<=[a-z])(?=\d)", q.name.lower())
    if len(a) != len(b):
        return None
    differ = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if len(differ) != 1 or not all(t in _ORDER_TOKENS for t in differ[0]):
        return None
    x, y = differ[0]
    if _ORDER_TOKENS.index(x) // 2 != _ORDER_TOKENS.index(y) // 2:
        return None  # (``a`` and ``2``: no pair)
    return -1 if _ORDER_TOKENS.index(x) < _ORDER_TOKENS.index(y) else 1


def _total_and_parts(text: str, params: list[Parameter], mentions: list[Mention]) -> list[Rebinding]:
    """Rule 2, a total and its two parts: "33 pieces have to be cut: 15 measuring 3.25 m and the
    other 18 measuring 2 m". Two parameters of one unit named alike but for their order
    (``need_a``, ``need_b``) that hold the total or a part, one of them the total (``need_a =
    17``, ``need_b = 10`` for "17 pieces ...: 10 measuring 4.5 m and the other 7"), take the parts
    in the order the text writes them. Only where the text writes the total and the first part
    once and the parts add up to the total."""
    sources = {p.name: _sources(p, mentions) for p in params}
    moves: list[Rebinding] = []
    for i, total in enumerate(mentions[:-2]):
        # the other part can follow the first one's measure ("15 measuring 3.25 m and the other 18")
        j = i + 1
        k = next((n for n in range(j + 1, min(j + 3, len(mentions)))
                  if _THE_OTHER.search(text[mentions[n - 1].end:mentions[n].start])), None)
        if k is None or not (_PARTS_LEAD.match(text[total.end:mentions[j].start])
                             and mentions[j].value + mentions[k].value == total.value
                             and _written_once(mentions, i, j)
                             and not any(m.percent for m in (total, mentions[j], mentions[k]))):
            continue
        holders = [p for p in params if sources[p.name] and set(sources[p.name]) <= {i, j, k}]
        if len(holders) != 2 or not any(i in sources[p.name] for p in holders) \
                or unit_key(holders[0].unit) != unit_key(holders[1].unit):
            continue
        order = _pair_order(*holders)
        if order is None:
            continue
        first, second = holders if order < 0 else holders[::-1]
        for p, n in ((first, j), (second, k)):
            if p.value != float(mentions[n].value):
                moves.append(Rebinding(p.name, p.value, _value(mentions[n], p),
                                       f"{mentions[n].written} is a part of the {total.written} in all, "
                                       f"written {'first' if n == j else 'second'}"))
    return moves


#: A parameter numbered as the first or second of a pair of readings: ``N1``, ``year2``, ``C_1``.
_PAIR_INDEX = re.compile(r"(?P<head>[A-Za-z]+?)_?(?P<index>[12])")
#: What parts two readings of one observation ("170 gigatonnes per year (2001)", "6.53 mg/L at
#: 1 h" are one, "1 h and 1.98 mg/L", "(2001) to 374" two).
_NOT_ONE_READING = re.compile(r"[,;.?!]|\b(?:and|to|into|onto|from|then|but|while|whereas|later|after|before)\b",
                              re.IGNORECASE)


def _numbered(params: list[Parameter], sources: dict[str, list[int]]) -> dict[str, dict[str, Parameter]]:
    """The parameters numbered 1 or 2 (:data:`_PAIR_INDEX`) that hold one number of the text, by
    their head and number: ``{"N": {"1": N1, "2": N2}, "year": {"1": year1}}``."""
    by: dict[str, dict[str, Parameter]] = {}
    for p in params:
        m = _PAIR_INDEX.fullmatch(p.name)
        if m and len(sources[p.name]) == 1 and not isinstance(p.value, list):
            by.setdefault(m["head"], {})[m["index"]] = p
    return by


def _written_once(mentions: list[Mention], *at: int) -> bool:
    """Whether the text writes each number at the indices ``at`` once."""
    return all(sum(m.value == mentions[i].value for m in mentions) == 1 for i in at)


def _one_reading(text: str, mentions: list[Mention], a: int, b: int) -> bool:
    """Whether the numbers ``a`` and ``b`` of the text stand next to each other as one reading."""
    lo, hi = sorted((a, b))
    gap = text[mentions[lo].end:mentions[hi].start]
    return hi - lo == 1 and len(gap.split()) <= 5 and not _NOT_ONE_READING.search(gap)


def _pairs_crossed(text: str, params: list[Parameter], mentions: list[Mention]) -> list[Rebinding]:
    """Rule 2, readings paired by their numbers: two pairs of parameters numbered 1 and 2
    (``N1``, ``year1``; ``N2``, ``year2``), each holding a number the text writes once, where the
    text writes each number of one kind beside the other pair's number of the other kind ("from
    170 gigatonnes per year (2001) to 374 gigatonnes per year (2019)" read as ``N1 = 374``,
    ``year1 = 2001``, ``N2 = 170``, ``year2 = 2019``): the kind whose numbers stand in the text
    in the other order than their names' trades them."""
    sources = {p.name: _sources(p, mentions) for p in params}
    by = _numbered(params, sources)
    heads = [h for h, pair in by.items() if len(pair) == 2]
    moves = []
    for h, g in combinations(heads, 2):
        (h1, h2), (g1, g2) = [[sources[by[x][i].name][0] for i in "12"] for x in (h, g)]
        if len({h1, h2, g1, g2}) != 4 or not _written_once(mentions, h1, h2, g1, g2):
            continue
        if not (_one_reading(text, mentions, h1, g2) and _one_reading(text, mentions, h2, g1)) \
                or _one_reading(text, mentions, h1, g1) or _one_reading(text, mentions, h2, g2):
            continue
        out_of_order = [x for x, (i, j) in ((h, (h1, h2)), (g, (g1, g2))) if i > j]
        if len(out_of_order) != 1:
            continue
        x = out_of_order[0]
        other = g if x == h else h
        first, second = by[x]["1"], by[x]["2"]
        moves += [Rebinding(first.name, first.value, second.value,
                            f"the problem writes {fmt_value(second.value)} beside {by[other]['1'].name}'s "
                            f"{fmt_value(by[other]['1'].value)}, the first reading"),
                  Rebinding(second.name, second.value, first.value,
                            f"the problem writes {fmt_value(first.value)} beside {by[other]['2'].name}'s "
                            f"{fmt_value(by[other]['2'].value)}, the second reading")]
    names = Counter(mv.name for mv in moves)
    return [mv for mv in moves if names[mv.name] == 1]


def _pair_led(text: str, params: list[Parameter], mentions: list[Mention]) -> list[Rebinding]:
    """Rule 2, one reading led by its companion: a pair numbered 1 and 2 (``conc_1``,
    ``conc_2``) and a companion that only one of them has (``amount_1``; the other amount is
    the unknown), where the text writes the companion's number as one reading with the number
    the other of the pair holds and not with its own ("Mixing a 33% disinfectant into 600 mL of
    18% disinfectant" read as ``amount_1 = 600``, ``conc_1 = 33``, ``conc_2 = 18``): the pair
    trades. Each number is written once."""
    sources = {p.name: _sources(p, mentions) for p in params}
    by = _numbered(params, sources)
    pairs = [h for h, pair in by.items() if len(pair) == 2]
    moves = []
    for h in pairs:
        lone = [(g, i) for g, pair in by.items() if g != h and len(pair) == 1 for i in pair]
        for g, i in lone:
            j = "2" if i == "1" else "1"
            c, own, other = (sources[x.name][0] for x in (by[g][i], by[h][i], by[h][j]))
            if len({c, own, other}) != 3 or not _written_once(mentions, c, own, other):
                continue
            if _one_reading(text, mentions, c, other) and not _one_reading(text, mentions, c, own):
                first, second = by[h][i], by[h][j]
                moves += [Rebinding(first.name, first.value, second.value,
                                    f"the problem writes {fmt_value(second.value)} beside {by[g][i].name}'s "
                                    f"{fmt_value(by[g][i].value)}"),
                          Rebinding(second.name, second.value, first.value,
                                    f"the problem writes {fmt_value(first.value)} apart from {by[g][i].name}'s "
                                    f"{fmt_value(by[g][i].value)}")]
    names = Counter(mv.name for mv in moves)
    return [mv for mv in moves if names[mv.name] == 1]


def _off_reading(text: str, params: list[Parameter], mentions: list[Mention], said: list[str]) -> list[Rebinding]:
    """Rule 2, a reading apart from its companion: a parameter numbered 1 or 2 (``N1``) whose
    companion of the same number (``year1 = 2012``) holds a number the text writes as one reading
    with a free number written like ``N1``'s ("7.4 GW in 2012"), while ``N1``'s own number is
    written apart from it ("reach 94 GW, if it was 7.4 GW in 2012" read as ``N1 = 94``): it
    moves to the free one. So does one holding its companion's number, not in its own unit, where
    the free number written with it is in its unit ("232 gigatonnes per year in 2000" read as
    ``year1 = N1 = 232``). Each number is written once."""
    sources = {p.name: _sources(p, mentions) for p in params}
    taken = {i for found in sources.values() for i in found}
    by: dict[str, dict[str, Parameter]] = {}  # index -> head -> parameter
    for head, pair in _numbered(params, sources).items():
        for index, p in pair.items():
            by.setdefault(index, {})[head] = p
    moves = []
    for heads in by.values():
        for head, p in heads.items():
            own = sources[p.name][0]
            unit = unit_key(p.unit)
            for other, q in heads.items():
                c = sources[q.name][0]
                if other == head:
                    continue
                if c == own:
                    # both hold the companion's number, not written in ``p``'s unit ("232
                    # gigatonnes per year in 2000" read as ``year1 = N1 = 232``): the free number of
                    # ``p``'s unit written as one reading with it
                    if _factor(said[own], unit) is not None or not is_measure(unit):
                        continue
                    free = [f for f in (c - 1, c + 1) if 0 <= f < len(mentions) and f not in taken
                            and (_factor(said[f], unit) is not None
                                 or (unit == "year" and _calendar_year(text, mentions[f], said[f])))
                            and _one_reading(text, mentions, f, c)]
                elif _one_reading(text, mentions, own, c):
                    continue
                else:
                    free = [f for f in (c - 1, c + 1) if 0 <= f < len(mentions) and f not in taken
                            and said[f] == said[own] and _one_reading(text, mentions, f, c)]
                    if not free:
                        # the number written with the companion is another parameter's of the unit,
                        # one numbered by no pair ("reach 8.9 million users, if it was 1.9 million
                        # users in 2017" read as ``N1 = 8.9``, ``level = 1.9``): the two trade
                        held = [f for f in (c - 1, c + 1) if 0 <= f < len(mentions) and f in taken
                                and said[f] == said[own] and _one_reading(text, mentions, f, c)]
                        holders = [r for r in params if held and sources[r.name] == held and r is not p
                                   and unit_key(r.unit) == unit and not _PAIR_INDEX.fullmatch(r.name)]
                        if len(held) == 1 and len(holders) == 1 and _written_once(mentions, own, c, held[0]):
                            r = holders[0]
                            # (they trade their values as the model wrote them: "1.9 million" may be 1.9)
                            moves += [Rebinding(p.name, p.value, r.value,
                                                f"the problem writes {mentions[held[0]].written} as one reading with "
                                                f"{q.name}'s {mentions[c].written}, {fmt_value(p.value)} apart from it"),
                                      Rebinding(r.name, r.value, p.value,
                                                f"{mentions[held[0]].written} is {p.name}'s, read with {q.name}")]
                            continue
                if len(free) == 1 and _written_once(mentions, own, c, free[0]):
                    f = free[0]
                    moves.append(Rebinding(p.name, p.value, _value(mentions[f], p),
                                           f"the problem writes {mentions[f].written} as one reading with "
                                           f"{q.name}'s {mentions[c].written}, {fmt_value(p.value)} apart from it"))
    names = Counter(mv.name for mv in moves)
    return [mv for mv in moves if names[mv.name] == 1]


def _by_index(group: list[Parameter]) -> list[Parameter]:
    """Parameters in the order of the numbers in their names (``S1_0`` before ``S2_0``)."""
    return sorted(group, key=lambda p: [int(d) for d in re.findall(r"\d+", p.name)])


def _in_list_order(text: str, group: list[Parameter], fits: list[list[int]], mentions: list[Mention],
                   words: list[str], said: list[str], unit: str,
                   why: Callable[[Parameter], str]) -> list[tuple[int, Rebinding]]:
    """Rule 3 for several made-up values of one unit: numbered parameters (``S1_0``, ``S2_0``)
    take, in the order of their numbers, the free numbers of their unit where the text writes
    exactly as many as one list ("they start with 3.2 and 60 kg"); ``why`` says what was wrong
    with each one's value."""
    first = fits[0]
    if len(first) != len(group) or any(f != first for f in fits) \
            or any(_indexed(p, q) is None for p, q in combinations(group, 2)):
        return []
    # one list: each number joined to the next ("3.2 and 60 kg", "20, 30 and 40 L")
    if any(b != a + 1 or not _listed_on(text, mentions[a], mentions) for a, b in pairwise(first)):
        return []
    ordered = _by_index(group)
    out = []
    for p, i in zip(ordered, first, strict=True):
        m = mentions[i]
        new = _in_own_unit(m, p, said[i], unit)
        if new == p.value:
            continue
        listed = ", ".join(mentions[j].written for j in first)
        out.append((i, Rebinding(p.name, p.value, new, f"{why(p)}; the free numbers in {words[i]} are the list "
                                                       f"{listed}, in the order of the names")))
    return out


def _by_numbered_companion(text: str, group: list[Parameter], fits: list[list[int]], params: list[Parameter],
                           mentions: list[Mention], words: list[str], said: list[str], unit: str,
                           why: Callable[[Parameter], str]) -> list[tuple[int, Rebinding]]:
    """Rule 3 for several made-up values of one unit, numbered as readings (``C1``, ``C2``): each
    takes the free number of its unit written as one reading with the number its companion of
    the same number holds ("6.53 mg/L at 1 h and 1.98 mg/L at 9 h" for ``C1``, ``C2`` beside
    ``t1 = 1``, ``t2 = 9``); only where each ends with a number of its own."""
    index = {p.name: m["index"] for p in params if (m := _PAIR_INDEX.fullmatch(p.name))}
    if not all(p.name in index for p in group) or len({index[p.name] for p in group}) != len(group):
        return []
    names = {p.name for p in group}
    beside = []
    for p, f in zip(group, fits, strict=True):
        held = [i for q in params if q.name not in names and index.get(q.name) == index[p.name]
                for i in _sources(q, mentions)]
        beside.append([i for i in f if any(_one_reading(text, mentions, i, j) for j in held)])
    picks = _one_each(beside)
    if picks is None:
        return []
    out = [(i, Rebinding(p.name, p.value, _in_own_unit(mentions[i], p, said[i], unit),
                         f"{why(p)}; {_as_written(mentions[i], words[i])} is written as one reading "
                         f"with the number of its companion numbered {index[p.name]}"))
           for p, i in zip(group, picks, strict=True)]
    return [(i, mv) for i, mv in out if mv.new != mv.old]


def _by_own_words(text: str, group: list[Parameter], fits: list[list[int]], mentions: list[Mention], words: list[str],
                  said: list[str], owned: set[int], unit: str,
                  why: Callable[[Parameter], str]) -> list[tuple[int, Rebinding]]:
    """Rule 3 for several made-up values of a unit that is no measure (a count: ``[people]``):
    each takes the one free number whose word names it ("40 exposed cases" for ``E0  #
    initially exposed``), or else the one free number of its unit left when the others have
    taken theirs ("a city of 1.2 million people" for ``N  # population``); only where each one
    ends with a number of its own. ``why`` says what was wrong with each one's value."""
    if is_measure(unit):
        return []
    own = {p.name: _stems(_named_by(p)) - _stems(unit) for p in group}
    named = {p.name: [i for i, u in enumerate(said) if i not in owned and u and not is_measure(u)
                      and _stems(u) & own[p.name] and not any(_stems(u) & own[q.name] for q in group if q is not p)]
             for p in group}
    cands = {p.name: named[p.name] or [i for i in f if not any(i in named[q.name] for q in group)]
             for p, f in zip(group, fits, strict=True)}
    if any(len(c) != 1 for c in cands.values()) or len({c[0] for c in cands.values()}) != len(group):
        return []
    out = []
    for p in group:
        i = cands[p.name][0]
        new = _in_own_unit(mentions[i], p, said[i], unit, text)
        if new != p.value:
            how = ("names it" if named[p.name] else "is the one left" if words[i].lower() in _NO_UNIT
                   else f"is the one left in {words[i]}")
            out.append((i, Rebinding(p.name, p.value, new, f"{why(p)}; of the free numbers, "
                                     f"{_as_written(mentions[i], words[i])} {how}")))
    return out


#: A tank or solution that starts with nothing dissolved in it.
_STARTS_EMPTY = re.compile(r"\b(?:pure|fresh|clean|clear|plain) water\b|\bno (?:salt|sugar|dye|chemical|pollutant)s?\b"
                           r"|\b(?:salt|sugar|dye)-free\b", re.IGNORECASE)
#: Words by which a text can say that something starts with none of a substance.
_SAYS_NONE = re.compile(_STARTS_EMPTY.pattern + r"|\b(?:no|none|nothing|empty|zero|without)\b", re.IGNORECASE)
#: A number written as where something starts: "charging from 0 V", "starts at 0 m/s".
_FROM_ZERO = re.compile(r"\b(?:from|starts? (?:at|with)|starting (?:at|with|from)|begins? (?:at|with))\s*$",
                        re.IGNORECASE)
#: A parameter described as a starting value.
_INITIAL = re.compile(r"\binitial(?:ly)?\b|\bat (?:the )?start\b|\bat t ?= ?0\b", re.IGNORECASE)


def _empty_start(text: str, params: list[Parameter], mentions: list[Mention], said: list[str],
                 dissolved_only: bool = False) -> list[Rebinding]:
    """Rule 3, a start with nothing dissolved: where the text says a tank starts as pure water
    ("both start as pure water"), initial amounts or concentrations of salt that hold a value the
    text does not give, or a number it writes in a measure of another dimension ("10 L/min" as
    ``S1_0 = 10  # [kg]``), are zero, if the text writes no number in their unit at all, or no
    more than other parameters of the unit that are no start can take ("contains 108.1 kg" for
    ``S_target``; this one runs before rule 1, which would trade the start's number); so is a
    delay or head start in a unit of time where the text says both start together, and a launch
    height where the text says it starts from the ground ("Launched upward at 25 m/s from the
    ground" read as ``h0 = 25  # launch height above the ground [m]``)."""
    empty, together, ground = _STARTS_EMPTY.search(text), _TOGETHER.search(text), _FROM_GROUND.search(text)
    moves = []
    for p in params:
        unit = unit_key(p.unit)
        # (a number in its unit that another parameter of the unit, no start, can take is that
        # one's: "at which the tank contains 108.1 kg of salt" for ``S_target  # [kg]``)
        theirs = [i for i, u in enumerate(said) if _factor(u, unit) is not None]
        others = [q for q in params if q is not p and unit_key(q.unit) == unit and not _initial(q)]
        if p.value == 0 or theirs and not (empty and _dissolved(p, unit) and len(theirs) <= len(others)):
            continue
        found = _sources(p, mentions)
        # (a count of things is foreign to a measure too: "carries 19 passengers" for ``delay  # [h]``)
        foreign = bool(found) and all(_other_dimension(said[i], unit) or (
            is_measure(unit) and said[i].isalpha() and said[i] not in _NO_UNIT and not _unit_of_measure(said[i])
            and not is_money(text, mentions[i])) for i in found)
        if not (foreign or not found):
            continue
        if empty and _dissolved(p, unit):
            moves.append(Rebinding(p.name, p.value, 0.0, f"the problem says the start is {empty.group(0)}; "
                                                          f"{fmt_value(p.value)} is no amount it gives"))
        elif dissolved_only:
            continue
        elif together and _SIZE.get(unit, ("",))[0] in _SPANS \
                and _DELAY.search(_named_by(p)):
            # "both starting together": a head start the text does not give is none
            moves.append(Rebinding(p.name, p.value, 0.0, f"the problem says they start {together.group(0)}; "
                                                          f"{fmt_value(p.value)} is no delay it gives"))
        elif ground and _SIZE.get(unit, ("",))[0] == "length" and _LAUNCH_HEIGHT.search(_named_by(p)):
            moves.append(Rebinding(p.name, p.value, 0.0, f"the problem says it starts {ground.group(0)}; "
                                                          f"{fmt_value(p.value)} is no height it gives"))
    return moves


#: A launch from the ground: no height to start from.
_FROM_GROUND = re.compile(r"\b(?:from|at|off|on) (?:the )?ground(?: level)?\b|\bfrom (?:the )?floor\b", re.IGNORECASE)
#: A parameter described as the height something starts from.
_LAUNCH_HEIGHT = re.compile(r"\b(?:launch|initial|start\w*|release|throw\w*)\b.*\b(?:height|altitude|elevation)\b|"
                            r"\b(?:height|altitude|elevation)\b.*\b(?:launch|initial|start|release)\b|\bh_?0\b",
                            re.IGNORECASE)


def _unmentioned_factor(text: str, program: str, params: list[Parameter],
                        mentions: list[Mention]) -> list[Rebinding]:
    """Rule 3, a factor the text never mentions: a fraction (``[1]``, between 0 and 1) whose value
    the text does not give, or gives only as another parameter's number of another unit (``F =
    0.8`` beside ``ka = 0.8  # [1/h]`` for "absorption at 0.8 per hour"), whose most specific word
    the text never uses, and which the program only multiplies by (``F = 0.621  # oral
    bioavailability [1]`` in ``F * dose`` for a text that says nothing of bioavailability) is 1:
    the whole of what it multiplies."""
    from .verify import ground

    invented = {item.partition(" = ")[0] for item in ground(text, program).invented}
    sources = {p.name: _sources(p, mentions) for p in params}

    def borrowed(p: Parameter) -> bool:
        # each of its numbers written once and held by a parameter of another unit too
        return bool(sources[p.name]) and all(
            sum(mentions[j].value == mentions[i].value for j in range(len(mentions))) == 1
            and any(q is not p and unit_key(q.unit) != unit_key(p.unit) and i in sources[q.name] for q in params)
            for i in sources[p.name])

    said = _stems(text)
    moves = []
    for p in params:
        part = _unmentioned_part(p, program, said) if p.name in invented or not sources[p.name] else None
        if part is not None:
            moves.append(part)
            continue
        money = bool(currency_of(unit_key(p.unit))) and p.value > 0
        if not (p.name in invented or borrowed(p)) or not (unit_key(p.unit) == "1" and 0 < p.value < 1 or money):
            continue
        # its most specific word: "bioavailability" of "oral bioavailability"
        words = [w for w in re.findall(r"[a-z]+", p.description.lower()) if len(w) >= 5
                 and w not in {"fraction", "share", "ratio", "proportion", "factor", "probability"}]
        if not words or _stems(max(words, key=len)) & said:
            continue  # no word to go by, or the text speaks of it
        n = re.escape(p.name)
        uses = re.findall(rf"(?<![\w.]){n}(?!\w)", program)
        if money:
            # an amount of money the text never mentions, that the program only adds or takes
            # away (``price - down_payment`` with ``down_payment = 4.5  # paid up front`` from
            # "at 4.5% a year") is none
            terms = re.findall(rf"[-+]\s*{n}(?!\w)(?!\s*(?:\*|/|%|\(|\[|\.))", program)
            if len(uses) >= 2 and len(uses) == len(terms) + 1:
                whose = "made up" if p.name in invented else "another's number"
                moves.append(Rebinding(p.name, p.value, 0.0, f"the problem says nothing of {p.description or p.name}; "
                                                              f"{fmt_value(p.value)} is {whose}"))
            continue
        products = re.findall(rf"(?<![\w.]){n}\s*\*(?!\*)|(?<!\*)\*\s*{n}(?!\w)", program)
        if len(uses) == len(products) + 1:  # its assignment, then only products
            whose = "made up" if p.name in invented else "another's number"
            moves.append(Rebinding(p.name, p.value, 1.0, f"the problem says nothing of {p.description or p.name}; "
                                                          f"{fmt_value(p.value)} is {whose}"))
    return moves


def _things(word: str) -> bool:
    """Whether the word after a number names things counted ("41 pages", "384 students"): a
    plural noun that is no unit of measure, no currency and no count of no things ("times")."""
    return word.isalpha() and len(word) >= 4 and word.lower().endswith("s") and _count_noun(unit_key(word))


def _unread_twin(p: Parameter, params: list[Parameter], units: dict[str, str], sources: dict[str, list[int]],
                 program: str) -> Parameter | None:
    """The one other parameter of ``p``'s unit that holds one number of the text and that the
    program never reads, where the program reads ``p``: the model wrote the text's number on a
    line it then left unused."""
    from .follow import _loaded

    read = _loaded(program)
    if p.name not in read:
        return None
    twins = [q for q in params if q is not p and units[q.name] == units[p.name] and q.name not in read
             and len(sources[q.name]) == 1]
    return twins[0] if len(twins) == 1 else None


#: Words of a part's description that name no one: "Jamal's part of the ratio".
_PART_WORDS = frozenset(_stems("part parts ratio share shares portion number count amount units people person "
                               "of the for in each"))


def _unmentioned_part(p: Parameter, program: str, said: frozenset[str] | set[str]) -> Rebinding | None:
    """Rule 3, a part the text never mentions: a made-up count (``[1]``) named for someone or
    something the text never names (``ratio_jamal = 1  # Jamal's part of the ratio`` for profits
    shared by Dara and Mateo, as the example shared among three) that the program only adds to
    others (``ratio_quinn + ratio_dara + ratio_jamal``) is 0: it is no part of the sum."""
    if unit_key(p.unit) != "1" or not p.description or p.value <= 0:
        return None
    own = {w for w in _stems(_named_by(p)) if len(w) >= 3} - _PART_WORDS
    if not own or own & said:
        return None
    n = re.escape(p.name)
    uses = re.findall(rf"(?<![\w.]){n}(?!\w)", program)
    # a term of a sum: "+" on one side, nothing that binds tighter on the other
    terms = re.findall(rf"\+\s*{n}(?!\w)(?!\s*(?:\*|/|%|\(|\[|\.))", program) + \
        re.findall(rf"(?<![*/%.\w])(?<![*/%]\s){n}\s*\+", program)
    if len(uses) < 2 or len(uses) != len(terms) + 1:
        return None  # its assignment, then only terms of sums
    named = next(w for w in re.findall(r"[A-Za-z]+", _named_by(p)) if _stems(w) & own)
    return Rebinding(p.name, p.value, 0.0, f"the problem says nothing of {named}; "
                                           f"a part of a sum it never mentions is none")


#: Two movers that set off at once.
_TOGETHER = re.compile(r"\b(?:together|at the same time|simultaneously)\b", re.IGNORECASE)
#: A parameter described as a delay or head start.
_DELAY = re.compile(r"\b(?:delay|later|earlier|head start|lag|waits?)\b", re.IGNORECASE)


#: Spans that are one of a larger unit, a horizon a program may choose ("simulated period =
#: 365 days", a day of 24 h): a convention still, unlike 12 years.
_WHOLE_SPANS = {"day": {7, 14, 28, 30, 31, 360, 365, 366}, "week": {4, 52}, "month": {12, 24},
                "h": {24, 48}, "min": {60}, "s": {60, 3600}}
#: The word of the longer unit each whole span counts in hours (24 hours is a day).
_SPAN_WORDS = {"h": r"\bdays?\b|\bdaily\b|\bovernight\b|\bnight\b"}


def _unnamed_span(text: str, value: float, unit: str) -> bool:
    """Whether a whole span of hours (24, 48) is no day of the text: the text names no day
    ("14 h" read as ``t2 = 24  # [h]`` beside "3 weeks"). Other units' whole spans always count."""
    words = _SPAN_WORDS.get(unit)
    return words is not None and not re.search(words, text, re.IGNORECASE)
#: Units of temperature, spelled alike (:func:`unit_key`).
_TEMPERATURES = frozenset({"°c", "°f", "c", "f"})
#: Words that put a temperature written without a sign below zero ("8 °C below zero").
_BELOW_ZERO = re.compile(r"\W{0,3}(?:\w+\W+){0,2}?(?:below (?:zero|freezing)|under zero|of frost)\b", re.IGNORECASE)


def _sign_lost(text: str, params: list[Parameter], mentions: list[Mention], said: list[str]) -> list[Rebinding]:
    """Rule 3, a temperature's sign: a parameter in degrees whose value is the text's temperature
    with the other sign (``T_air = -8`` for "the thermometer shows 8 °C", ``T_dew = 8.6`` for "the
    dew point -8.6 °C"), where no number of the text has its value as written, takes the
    text's value, sign and all; not where words after the number put it below zero."""
    moves = []
    for p in params:
        if unit_key(p.unit) not in _TEMPERATURES or p.value == 0 \
                or any(float(m.value) == p.value for m in mentions):
            continue
        flipped = {float(m.value) for m, u in zip(mentions, said, strict=True)
                   if float(m.value) == -p.value and u in _TEMPERATURES and not _BELOW_ZERO.match(text, m.end)}
        if len(flipped) == 1:
            new = flipped.pop()
            moves.append(Rebinding(p.name, p.value, new, f"the problem gives {fmt_value(new)} {p.unit}, "
                                                         f"not {fmt_value(p.value)}"))
    return moves


def _dissolved(p: Parameter, unit: str) -> bool:
    """Whether ``p`` is an initial amount (mass) or concentration (mass per volume) in a tank."""
    mass = _factor(unit, "kg") is not None or _factor(unit, "kg/l") is not None
    return mass and _initial(p)


def _named_units(p: Parameter) -> set[str]:
    """The units the words of a parameter's name and description name, spelled alike."""
    return {unit_key(w) for w in re.findall(r"[A-Za-zµΩ°]+", _named_by(p))}


#: "41 per 1,000 people", "12 in 100,000": a rate out of a round base, a fraction as a percentage is.
_PER_BASE = re.compile(r"^\s*(?:per|in|out of)\s+(1,000|1000|10,000|10000|100,000|100000|1,000,000|1000000)\b")
#: "1 in 500", "3 out of 40": a whole number after "in" or "out of", no decimal or percentage after it.
_OUT_OF = re.compile(r"^\s*(?:in|out of)\s+(\d{1,3}(?:,\d{3})+|\d+)\b(?![.,]\d|\s*%)")


def _swapped(params: list[Parameter], mentions: list[Mention], words: list[str], said: list[str]) -> list[Rebinding]:
    """Rule 2, last part: two parameters of one unit that each hold a number whose word is the
    other's ("130 aphids and 86 ladybirds" read as ``x0 = 86  # initial aphids`` and ``y0 = 130
    # initial ladybirds``) trade their numbers; so do one that holds a number whose word is the
    other's and the other, which holds a zero the text does not write."""
    sources = {p.name: _sources(p, mentions) for p in params}
    stems = [_stems(w) for w in words]  # the word after each number
    own = {p.name: _stems(f"{p.description} {p.name}") for p in params}
    pairs = []
    for k, p in enumerate(params):
        for q in params[k + 1:]:
            if unit_key(p.unit) != unit_key(q.unit) or len(sources[p.name]) != 1 or len(sources[q.name]) != 1:
                continue
            i, j = sources[p.name][0], sources[q.name][0]
            if i != j and stems[i] & own[q.name] and not stems[i] & own[p.name] \
                    and stems[j] & own[p.name] and not stems[j] & own[q.name]:
                pairs.append((p, q, i, j))
    # one holds a number whose word is the other's, and the other holds zero ("begins with 80
    # infectious cases only" read as ``E0 = 80  # initially exposed``, ``I0 = 0  # initially
    # infectious``): the zero is the first's
    zeros = []
    for p in params:
        unit = unit_key(p.unit)
        # (a number written in a measure of another dimension is none of its: "5 days" beside
        # "5 exposed cases" for ``[people]``)
        own_unit = [i for i in sources[p.name] if not _other_dimension(said[i], unit)]
        for q in params:
            if p is q or unit != unit_key(q.unit) or len(own_unit) != 1 or q.value != 0 or sources[q.name]:
                continue
            i = own_unit[0]
            if stems[i] & own[q.name] and not stems[i] & own[p.name]:
                zeros.append((p, q, i))
    kept = _one_pair_each(pairs + zeros)
    moves = []
    for p, q, i, j in [pair for pair in kept if len(pair) == 4]:
        moves += [Rebinding(p.name, p.value, _value(mentions[j], p), f"the problem gives "
                            f"{_as_written(mentions[j], words[j])}; {mentions[i].written} is {words[i]}"),
                  Rebinding(q.name, q.value, _value(mentions[i], q), f"the problem gives "
                            f"{_as_written(mentions[i], words[i])}; {mentions[j].written} is {words[j]}")]
    for p, q, i in [pair for pair in kept if len(pair) == 3]:
        moves += [Rebinding(p.name, p.value, 0.0, f"{mentions[i].written} is {words[i]}, "
                                                  f"{q.name}'s; the problem gives no {p.name}"),
                  Rebinding(q.name, q.value, _value(mentions[i], q), f"the problem gives "
                            f"{_as_written(mentions[i], words[i])}")]
    return moves


#: Words for the same period of an epidemic model: the latent period is the exposed stage
#: (``incubation_days``), the time to recovery the infectious stage (``infectious_days``).
_PERIOD_WORDS = {"incubation": "latent", "latent": "incubation", "infectious": "recovery", "recovery": "infectious"}
_PERIOD_WORD = re.compile(r"\b(" + "|".join(_PERIOD_WORDS) + r")\b", re.IGNORECASE)


def _period_words(p: Parameter) -> list[str]:
    """The period words of a parameter's description and name ("incubation" of
    ``incubation_days  # average incubation period``), lower case, as often as written."""
    return [w.lower() for w in _PERIOD_WORD.findall(_named_by(p))]


def _also_named(p: Parameter) -> Parameter:
    """``p`` with the other words its kind is written in added to its description: an epidemic's
    periods by their other names (latent for incubation, recovery for infectious), and a start
    ("it was 34 °C at that moment", "initially", "starts at", "210 thousand users today")."""
    extra = " ".join(_PERIOD_WORDS[w] for w in _period_words(p))
    extra += " moment initially originally beginning starts today" if _initial(p) else ""
    # a limit by the words that set one ("never going over 4.5 kg" for ``capacity  # weight limit``)
    extra += " over exceed exceeding most maximum" if _LIMIT_WORDS.search(f"{p.name} {p.description}") else ""
    return replace(p, description=f"{p.description} {extra}") if extra else p


_LIMIT_WORDS = re.compile(r"\b(?:limit|capacity|max(?:imum)?)\b|^(?:max|cap)_", re.IGNORECASE)


def _swapped_by_words(text: str, params: list[Parameter], mentions: list[Mention],
                      said: list[str]) -> list[Rebinding]:
    """Rule 2, words around: two parameters of one unit, each holding a number written in it
    whose words around it fit the other at least as well, the two together clearly better (by
    ``BESIDE_MARGIN`` words that tell the two apart) ("a latent period averaging 4 days and
    recovery after 3 days" read as ``incubation_days = 3``, ``infectious_days = 4``; "at 16
    dollars each with a variable cost of 5.65 dollars per unit" as ``price = 5.65``,
    ``variable_cost = 16``), trade their numbers; the words of an epidemic's periods count with
    their other names (latent for incubation, recovery for infectious), and a start's with "at
    that moment", "initially" and "starts at". So do two of different units where one holds a number written
    with no unit and the other one written in the first one's unit and not in its own. Not a
    linear program's table (rule 6's), nor the value asked about on the question's number."""
    named = _also_named
    # the numbers written in its own unit that give each ("3 days", not "3 infectious cases")
    sources = {p.name: [i for i in _sources(p, mentions) if _factor(said[i], unit_key(p.unit)) is not None]
               for p in params}
    cells, _ = table_cells(params)
    takers = [p for p in params if unit_key(p.unit) and len(sources[p.name]) == 1 and p.name not in cells]
    pairs = []
    fit: dict[tuple[str, int], int] = {}
    # two of different units, one holding a number written in the other's unit and not in its
    # own, the other a number written with no unit ("predator mortality 0.18 per day and
    # conversion efficiency 0.00031" read as ``gamma = 0.00031  # [1/day]``, ``delta = 0.18  #
    # [1/(prey*day)]``): the words decide as for two of one unit
    held = {p.name: _sources(p, mentions) for p in params}
    once = {p.name for p in params if len(held[p.name]) == 1 and p.name not in cells and unit_key(p.unit)
            and _written_once(mentions, held[p.name][0])}
    across = [(p, q) for p in params for q in params if p.name in once and q.name in once and p is not q
              and not said[held[p.name][0]] and _factor(said[held[p.name][0]], unit_key(p.unit)) is None
              and _factor(said[held[q.name][0]], unit_key(p.unit)) is not None
              and _factor(said[held[q.name][0]], unit_key(q.unit)) is None]
    # the same where the other one holds a value the text does not give and the number in the
    # first one's unit is free ("predator mortality 0.24 per day and conversion efficiency
    # 0.00072" read as ``gamma = 0.00072  # [1/day]``, ``delta = 0.00024``): the first takes the
    # free number, the other the first one's
    free = free_numbers(text, params, mentions)
    made_up = [q for q in params if not held[q.name] and unit_key(q.unit) and q.name not in cells
               and q.value != 0]
    spare = [(p, q, j) for p in params for q in made_up for j in free if p.name in once
             and not said[held[p.name][0]] and _factor(said[held[p.name][0]], unit_key(p.unit)) is None
             and _factor(said[j], unit_key(p.unit)) is not None and _factor(said[j], unit_key(q.unit)) is None]
    # (or one holding an amount in the made-up one's unit, and the free number written in its own:
    # "21.00 CHF per unit and fixed monthly costs of 14,500 CHF" read as ``variable_cost = 14500  #
    # [CHF/unit]`` beside ``fixed_cost = 2100  # [CHF]``)
    spare += [(p, q, j) for p in params for q in made_up for j in free if p.name in once and p is not q
              and unit_key(q.unit) != unit_key(p.unit) and said[held[p.name][0]] == unit_key(q.unit)
              and said[j] == unit_key(p.unit)]
    candidates = [(p, q, sources[p.name][0], sources[q.name][0], False)
                  for k, p in enumerate(takers) for q in takers[k + 1:]]
    candidates += [(p, q, held[p.name][0], held[q.name][0], True) for p, q in across]
    if len(spare) == 1:
        candidates += [(p, q, held[p.name][0], j, True) for p, q, j in spare]
    for p, q, i, j, crossed in candidates:
        # (an amount of money and one per something are alike where the text writes both as
        # money: "£3 is charged per gigabyte ... a monthly fee of £13")
        money = not crossed and unit_key(p.unit) != unit_key(q.unit) and (
            (c := currency_of(unit_key(p.unit))) is not None and c == currency_of(unit_key(q.unit)) == said[i])
        if not crossed and (not (money or unit_key(p.unit) == unit_key(q.unit)) or i == j or said[i] != said[j]):
            continue
        if money and any(n in _sources(x, mentions) for x in params if x.name not in (p.name, q.name) for n in (i, j)):
            continue  # (a number a third parameter holds too, "£24.50" as the fare and the total: rule 1's)
        # the time asked about keeps the question's number ("What will it read 7 hours after
        # ...?" for ``t2  # time of interest``, though "read" is ``t1  # second reading``'s word)
        if any(_QUERY.search(x.description) and _in_question(text, mentions[n]) for x, n in ((p, i), (q, j))):
            continue
        # only the words that tell the two apart count ("selling price per unit" and
        # "variable cost per unit": "per unit" is beside either number)
        a, b = named(p), named(q)
        own = {x.name: _stems(f"{x.description} {x.name}") for x in (a, b)}
        near = {n: _stems(words_around(text, mentions[n], mentions, sentence=True)[0]) for n in (i, j)}
        fit |= {(x.name, n): len((own[x.name] - own[y.name]) & near[n]) for x, y in ((a, b), (b, a)) for n in (i, j)}
        # neither fits its own number better, and together the other way fits clearly better
        if fit[p.name, j] >= fit[p.name, i] and fit[q.name, i] >= fit[q.name, j] \
                and fit[p.name, j] + fit[q.name, i] >= fit[p.name, i] + fit[q.name, j] + BESIDE_MARGIN \
                and not (money and not (fit[p.name, j] and fit[q.name, i])):  # (money: each its words)
            pairs.append((p, q, i, j))

    def why(x: Parameter, to: int, y: Parameter, away: int) -> str:
        # the words that say so: those around its new number, those around its old one, or both
        if not fit[y.name, away]:
            return f"the words around {mentions[to].written} are {x.name}'s"
        if not fit[x.name, to]:
            return f"the words around {mentions[away].written} are {y.name}'s"
        return f"the words around {mentions[to].written} are {x.name}'s, those around {mentions[away].written} {y.name}'s"

    moves = []
    for p, q, i, j in _one_pair_each(pairs):
        moves += [Rebinding(p.name, p.value, _value(mentions[j], p), why(p, j, q, i)),
                  Rebinding(q.name, q.value, _value(mentions[i], q), why(q, i, p, j))]
    return moves


#: A period's word right before its number: "a latent period averaging 4 days", "recovery after
#: 3 days" (at most four words between, nothing but spaces: "infectious people (simulate 300
#: days)" names no period).
_PERIOD_BEFORE = re.compile(r"\b(" + "|".join(_PERIOD_WORDS) + r")\b(?:\s+[\w-]+){0,4}?\s*$", re.IGNORECASE)


def _named_periods(text: str, params: list[Parameter], mentions: list[Mention], words: list[str],
                   said: list[str]) -> list[Rebinding]:
    """Rule 2, periods by name: a span of time described as an epidemic's period (incubation or
    latent, infectious or recovery) takes the one number of its unit whose nearest period word
    before it (within its clause) is its own ("a latent period averaging 2 days" for
    ``incubation_days = 300``, a number shared with "simulate 300 days")."""
    wants: dict[str, tuple[Parameter, int, str]] = {}  # name -> (parameter, its number, the word before it)
    for p in params:
        unit = unit_key(p.unit)
        own = set(_period_words(p))
        if _SIZE.get(unit, ("",))[0] not in _SPANS or not own:
            continue
        own |= {_PERIOD_WORDS[w] for w in own}
        found = []
        for i, m in enumerate(mentions):
            if m.value == 0 or _factor(said[i], unit) is None:
                continue
            lo = between(text, m, mentions)[0]
            near = _PERIOD_BEFORE.search(text, lo, m.start)
            if near and near.group(1).lower() in own:
                found.append((i, near.group(1)))
        if len(found) == 1:
            wants[p.name] = (p, *found[0])
    taken = [i for _, i, _ in wants.values()]
    moves = []
    for p, i, word in wants.values():
        new = _value(mentions[i], p, _factor(said[i], unit_key(p.unit)) or Decimal(1))
        if taken.count(i) == 1 and new != p.value:
            moves.append(Rebinding(p.name, p.value, new, f"the problem gives {_as_written(mentions[i], words[i])} "
                                                         f"after \"{word}\""))
    return moves


#: "begins with 100 exposed cases only": the other starting compartments are empty.
_ONLY = re.compile(r"\s*(?:\w+\s+){0,2}?only\b", re.IGNORECASE)


def _noun(said: str) -> bool:
    """Whether a number's unit word is a noun that counts things: "hares", "hectares"; no unit
    of measure, currency or short word ("are")."""
    return bool(re.fullmatch(r"[a-z]{4,}", said)) and not is_measure(said) and said not in _CURRENCIES


def _own_noun(text: str, params: list[Parameter], mentions: list[Mention], words: list[str],
              said: list[str]) -> list[Rebinding]:
    """Rule 2, a count's own noun: a parameter that counts things (no measure: ``x0  # initial
    hares [animals]``) holds a number the text writes with a noun its description does not use
    ("The reserve covers 201 hectares"; written once, or the very numbers another parameter
    holds), while one free number of the text is written with a noun it does use and no other
    parameter's does ("250 hares"): it takes that number."""
    sources = {p.name: _sources(p, mentions) for p in params}
    owned = {i for src in sources.values() for i in src}
    own = {p.name: _stems(_named_by(p)) - _stems(p.unit) for p in params}
    # the numbers written with a noun, and the noun's stems
    nouns = {j: _stems(u) for j, u in enumerate(said) if _noun(u) and not mentions[j].percent}
    moves = []
    for p in params:
        unit = unit_key(p.unit)
        src = sources[p.name]
        if is_measure(unit) or unit in _CURRENCIES or unit_is_percent(p) or not src:
            continue
        # its number written once, or the very numbers another parameter holds ("1 success in 3
        # tries ... 3 seeds" read as ``n = 3``, ``k = 3``: the 3s are the tries' and the seeds')
        twin = any(q is not p and sorted(sources[q.name]) == sorted(src) for q in params)
        if any(i not in nouns or nouns[i] & (own[p.name] | _stems(p.unit)) for i in src) \
                or not twin and (len(src) != 1 or sum(m.value == mentions[src[0]].value for m in mentions) != 1):
            continue
        i = src[0]
        named = [j for j, stems in nouns.items() if j not in owned and stems & own[p.name]
                 and not any(stems & own[q.name] for q in params if q is not p)]
        if len(named) != 1:
            continue
        j = named[0]
        new = _value(mentions[j], p)
        if new != p.value:
            moves.append(Rebinding(p.name, p.value, new,
                                   f"{_as_written(mentions[j], words[j])} names {p.name}; "
                                   f"{_as_written(mentions[i], words[i])} does not"))
    return moves


#: Stems too common to tell a parameter's words from another's.
_GENERIC_OWN = frozenset({"the", "and", "for", "from", "with", "star", "begi", "that", "this", "whic", "how", "much",
                          "many", "what", "time", "valu", "numb"})

#: Where a clause ends, for the words that stand with a number: punctuation, or a word that
#: joins two clauses ("Lyon wants 75 crates, Nice wants 40", "5 parts ... and 2 that Hiro gets").
_CLAUSE_END = re.compile(r"[,;:.?!()]|\b(?:and|but|while|whereas|plus)\b", re.IGNORECASE)


def _clause_words(text: str, m: Mention) -> set[str]:
    """The stems of up to five words before ``m`` and three after it, within its clause."""
    before = _CLAUSE_END.split(text[:m.start])[-1].split()[-5:]
    after = _CLAUSE_END.split(text[m.end:])[0].split()[:3]
    return _stems(" ".join(before + after))


def _several_made_up(text: str, params: list[Parameter], mentions: list[Mention], said: list[str]) -> list[Rebinding]:
    """Rule 20: several parameters of one unit of measure, none holding a number the text writes
    in that unit (a made-up value, or a number written with no unit that a parameter of another
    unit holds too: "bioavailability 0.9" read as ``F = 0.9`` and ``ka = 0.9  # [1/h]``, beside
    ``ke = 0.125``), and as many free numbers written in it ("a first-order rate constant of 1.2
    per hour, and is eliminated ... 0.2 per hour"): each takes the one whose words since the
    number before it name it and none of the others ("eliminated" for ``ke  # elimination rate
    constant``), or the one left when the others have taken theirs; only where each ends with a
    number of its own."""
    cells, _ = table_cells(params)
    held = {p.name: _sources(p, mentions) for p in params}
    groups: dict[str, list[Parameter]] = {}
    for p in params:
        unit = unit_key(p.unit)
        if (not is_measure(unit) or p.name in cells or isinstance(p.value, list) or p.value == 0
                or any(_factor(said[i], unit) is not None for i in held[p.name])
                or not all(any(q.name != p.name and unit_key(q.unit) != unit and i in held[q.name] for q in params)
                           for i in held[p.name])):
            continue
        groups.setdefault(unit, []).append(p)
    free = free_numbers(text, params, mentions)
    moves = []
    for unit, group in groups.items():
        cands = [j for j in free if said[j] and _factor(said[j], unit) is not None]
        if len(group) < 2 or len(cands) != len(group):
            continue
        # the words since the number before (or the sentence's start), and three after it
        window = {}
        for j in cands:
            start = max([mentions[k].end for k in range(len(mentions)) if mentions[k].end <= mentions[j].start]
                        + [m.end() for m in re.finditer(r"[.?!]\s", text[:mentions[j].start])], default=0)
            after = _CLAUSE_END.split(text[mentions[j].end:])[0].split()[:3]
            window[j] = _stems(text[start:mentions[j].start] + " " + " ".join(after))
        own = {p.name: _stems(_named_by(p)) - set().union(*(_stems(_named_by(q)) for q in group if q is not p))
               for p in group}
        named = {p.name: [j for j in cands if window[j] & own[p.name]
                          and not any(window[j] & own[q.name] for q in group if q is not p)] for p in group}
        took = {j for found in named.values() for j in found}
        pick_ = {p.name: named[p.name] or [j for j in cands if j not in took] for p in group}
        if any(len(c) != 1 for c in pick_.values()) or len({c[0] for c in pick_.values()}) != len(group):
            continue
        for p in group:
            j = pick_[p.name][0]
            new = _in_own_unit(mentions[j], p, said[j], unit, text)
            how = "names it" if named[p.name] else "is the one left"
            moves.append(Rebinding(p.name, p.value, new, f"the problem gives no {fmt_value(p.value)} in {unit} for it; "
                                                         f"of the free numbers in {unit}, {mentions[j].written} {how}"))
    return moves


#: Two parameters of one kind told apart by an index: ``len_a``, ``len_b``; ``need1``, ``need2``.
_INDEXED = re.compile(r"(?P<head>[A-Za-z]\w*?)_?(?P<index>[ab12])")


def _pairs_by_clause(text: str, params: list[Parameter], mentions: list[Mention]) -> list[Rebinding]:
    """Rule 2, pairs by clause: two kinds of parameters indexed alike (``len_a``, ``len_b``;
    ``need_a``, ``need_b``), each holding a number written once, where the text writes each
    index's two numbers in one clause ("25 measuring 75 cm and the other 19 measuring 60 cm") and
    the program pairs them across clauses (``len_a = 60``, ``need_a = 25``): the second kind's
    two trade, so that each index holds one clause's numbers."""
    sources = {p.name: _sources(p, mentions) for p in params}
    kinds: dict[str, dict[str, Parameter]] = {}
    for p in params:
        if (m := _INDEXED.fullmatch(p.name)) and len(sources[p.name]) == 1 and _written_once(mentions, sources[p.name][0]):
            kinds.setdefault(m["head"], {})[m["index"]] = p
    pairs = [kind for kind in kinds.values() if len(kind) == 2]
    if len(pairs) != 2 or {frozenset(k) for k in pairs} != {frozenset(pairs[0])}:
        return []
    first, second = pairs
    one, two = sorted(first)

    def clause(p: Parameter) -> int:
        m = mentions[sources[p.name][0]]
        return len(_CLAUSE_END.findall(text[:m.start]))

    def together(a: Parameter, b: Parameter) -> bool:
        return clause(a) == clause(b)

    if together(first[one], second[one]) or together(first[two], second[two]) \
            or not (together(first[one], second[two]) and together(first[two], second[one])):
        return []
    a, b = second[one], second[two]

    def why(p: Parameter, q: Parameter) -> str:
        return (f"the text writes {mentions[sources[q.name][0]].written} in one clause with "
                f"{mentions[sources[p.name][0]].written}, {p.name}'s")

    return [Rebinding(a.name, a.value, b.value, why(first[one], b)),
            Rebinding(b.name, b.value, a.value, why(first[two], a))]


#: Words that name a rate, not what it is a rate of.
_RATE_WORDS = frozenset({"rate", "cons", "coef", "fact", "para"})


def _by_own_clause(text: str, movable: list[Parameter], params: list[Parameter], mentions: list[Mention],
                   words: list[str], said: list[str]) -> list[Rebinding]:
    """Rule 2, own words: a parameter holding a number written in its unit whose clause names
    another parameter and not it, where one free number written in just its unit stands with
    its own words ("first-order absorption at 1.8 per hour ... an elimination rate constant of
    0.1 per hour" read as ``ka = 0.1  # absorption rate constant [1/h]`` beside ``half_life  #
    elimination half-life``): it moves there."""
    free = free_numbers(text, params, mentions)
    moves = []
    for p in movable:
        unit = unit_key(p.unit)
        held = _sources(p, mentions)
        if not unit or len(held) != 1 or said[held[0]] != unit or not _written_once(mentions, held[0]):
            continue
        whole = _stems(_named_by(p)) - _GENERIC_OWN
        own = whole - _RATE_WORDS  # (what kind of rate it is: "absorption", not "rate constant")
        theirs = set().union(*((_stems(_named_by(q)) - _GENERIC_OWN) - whole for q in params if q is not p))
        clause = _clause_words(text, mentions[held[0]])
        if not own or clause & own or not clause & theirs:
            continue  # its number stands with its own words, or with no other parameter's
        mine = [j for j in free if said[j] == unit
                and (words_j := _clause_words(text, mentions[j])) & own and not words_j & theirs]
        if len(mine) == 1:
            m = mentions[mine[0]]
            moves.append(Rebinding(p.name, p.value, _value(m, p), f"the problem gives {_as_written(m, words[mine[0]])} "
                                   f"with {p.name}'s words; {mentions[held[0]].written} stands with another's"))
    return moves


def _name_label(text: str, m: Mention, said: str) -> bool:
    """Whether ``m`` numbers a name ("Plant 1 to Lyon", "Plant 2 (66)"): a whole number right
    after a capitalized word, with no unit after it."""
    before = text[:m.start].split()[-1:]
    return bool(before) and before[0][:1].isupper() and before[0].isalpha() and _whole(float(m.value)) \
        and (not said or said in _NO_UNIT)


def _in_unit_of(text: str, m: Mention, said: str, unit: str) -> bool:
    """Whether the number ``m`` of the text (its unit ``said``) is of a parameter's ``unit``: an
    amount of money for a currency, a measure of the unit's dimension, a temperature in its own
    scale (°F converts by no factor), or for any other unit a count (no money, percentage or measure)."""
    if currency_of(unit):
        return is_money(text, m) and "/" not in said and "/" not in unit
    if "°" in unit + said:
        return said == unit
    if is_measure(unit):
        return said == unit or _factor(said, unit) is not None
    return not is_money(text, m) and not m.percent and not is_measure(said) and unit != "%"


def _named_items(text: str, program: str, params: list[Parameter], mentions: list[Mention], words: list[str],
                 said: list[str]) -> list[Rebinding]:
    """Rule 2, named items: two or more parameters of one unit whose names share their head and
    whose words differ by the item each is for (``demand_lyon``, ``demand_nice``,
    ``demand_dijon``; ``crossings_lights``, ``crossings_signs``), where each item's own words
    stand in the clause of exactly one number of the text of the parameters' kind, a different
    number for each ("Lyon wants 75 crates, Nice wants 40 crates and Dijon wants 30"): each takes
    its item's number. Only where each one that moves holds a number that is clearly not its own:
    none of the text, one of another kind ("the farm co-op to the bakery 14 CHF" for
    ``demand_bakery  # [units]``) or another item's. A linear program's table is rule 6's."""
    from .verify import ground  # the verifier's notion of "not given"

    cells, _ = table_cells(params)
    groups: dict[tuple[str, str], list[Parameter]] = {}
    for p in params:
        head, sep, _ = p.name.partition("_")
        if sep and p.name not in cells and not isinstance(p.value, list):
            groups.setdefault((head, unit_key(p.unit)), []).append(p)
    if all(len(group) < 2 for group in groups.values()):
        return []
    near = [_clause_words(text, m) for m in mentions]
    labels = {j for j, m in enumerate(mentions) if _place_number(text, m)}  # "Plant 2": no quantity
    invented: set[str] | None = None  # (read once, where a move needs it)
    moves = []
    for (_, unit), group in groups.items():
        if len(group) < 2:
            continue
        named = {p.name: _stems(_named_by(p)) for p in group}
        own = {p.name: named[p.name] - set().union(*(named[q.name] for q in group if q is not p)) for p in group}

        alike = [_in_unit_of(text, m, said[j], unit) for j, m in enumerate(mentions)]
        kind = [a and not (after_per(text, m) or m.value == 0 or _name_label(text, m, said[j]) or j in labels)
                for j, (a, m) in enumerate(zip(alike, mentions, strict=True))]
        picks = _one_each([[j for j in range(len(mentions)) if kind[j] and own[p.name] & near[j]] for p in group])
        if picks is None or any(len([p for p in group if own[p.name] & near[j]]) != 1 for j in picks):
            continue  # one number in the clause of two items: whose it is is not clear

        # (clearly not its own: a number the text does not give, or numbers all of another kind
        # or other items')
        sources = [_sources(p, mentions) for p in group]
        moving = [(p, j, src) for p, j, src in zip(group, picks, sources, strict=True) if j not in src]
        if moving and invented is None and any(not src for _, _, src in moving):
            invented = {item.partition(" = ")[0] for item in ground(text, program).invented}
        # (a place's number, "Plant 2", is none of the kind either)
        if not moving or not all(p.name in (invented or set()) if not src else
                                 all(not alike[i] or i in labels or i in set(picks) - {j}
                                     for i in src) for p, j, src in moving):
            continue  # a number the model may have meant: the words alone do not overrule it
        for p, j in zip(group, picks, strict=True):
            new = _in_own_unit(mentions[j], p, said[j], unit)
            if new != p.value:
                item = " ".join(dict.fromkeys(w for w in re.findall(r"[A-Za-z]{3,}", p.description)
                                              if w[:4].lower() in own[p.name])) or p.name
                moves.append(Rebinding(p.name, p.value, new,
                                       f"the problem writes {_as_written(mentions[j], words[j]).strip()} with "
                                       f"\"{item}\", which of the {len(group)} alike parameters {p.name} alone names"))
    return moves


def _only(text: str, params: list[Parameter], mentions: list[Mention], words: list[str],
          said: list[str]) -> list[Rebinding]:
    """Rule 2, "only": two initial values of one unit (``E0``, ``I0``) share a number the text
    writes once (in no measure of another dimension: "recovery after 3 days" is no second "3
    infectious cases"), followed by "only" and a word that names one of them ("begins with 10
    exposed cases only"): the other starts at zero. So does the one initial value holding it
    where the word names another that holds no number of the text in its unit, which takes it."""
    sources = {p.name: [i for i in _sources(p, mentions) if not _other_dimension(said[i], unit_key(p.unit))]
               for p in params}
    moves = []
    for i, m in enumerate(mentions):
        takers = [p for p in params if sources[p.name] == [i] and _initial(p)]
        if not _ONLY.match(text, m.end):
            continue
        word = _stems(words[i])
        if len(takers) == 1 and not word & _stems(f"{takers[0].description} {takers[0].name}"):
            # one initial value holds it and the word names another, which holds no number of the
            # text in its unit ("begins with 3 infectious cases only" read as ``E0 = 3`` beside
            # ``I0 = 5  # [people]`` from "5 days"): that one takes it, and the holder starts at zero
            holder = takers[0]

            def copied(p: Parameter) -> bool:
                # (or only a copy of another's number the text writes once: ``E0 = 4800`` beside
                # ``N = 4800`` for "a cruise ship of 4,800 people")
                return all(_written_once(mentions, j) and any(q is not p and j in sources[q.name] for q in params)
                           for j in sources[p.name])

            named = [p for p in params if p is not holder and _initial(p) and copied(p)
                     and unit_key(p.unit) == unit_key(holder.unit) and word & _stems(f"{p.description} {p.name}")]
            if len(named) == 1:
                moves += [Rebinding(named[0].name, named[0].value, _value(m, named[0]),
                                    f"the problem starts with {m.written} {words[i]} only"),
                          Rebinding(holder.name, holder.value, 0.0, f"the problem starts with {m.written} {words[i]} "
                                                                    f"only, {named[0].name}'s")]
            continue
        if len(takers) != 2 or unit_key(takers[0].unit) != unit_key(takers[1].unit):
            continue
        named = [p for p in takers if word & _stems(f"{p.description} {p.name}")]
        if len(named) == 1:
            other = next(p for p in takers if p is not named[0])
            moves.append(Rebinding(other.name, other.value, 0.0, f"the problem starts with {m.written} {words[i]} "
                                                                f"only, {named[0].name}'s"))
    return moves


def _initial(p: Parameter) -> bool:
    """Whether ``p`` is a starting value: described as initial, or named ``x0``, ``S1_0``."""
    return bool(_INITIAL.search(p.description) or re.search(r"_?0$", p.name))


def _shared_across(text: str, params: list[Parameter], mentions: list[Mention], words: list[str],
                   said: list[str]) -> list[Rebinding]:
    """Rule 2, across units: a number the text writes once, taken by two parameters of different
    units ("an oral bioavailability of 75%" read as ``F = 0.75  # [1]`` and ``ka = 0.75  #
    [1/h]``), of which exactly one has exactly one free number written in its own unit and not
    the shared number so ("absorption at 1.2 per hour" for ``[1/h]``): that one moves there."""
    sources = {p.name: _sources(p, mentions) for p in params}
    taken = {i for found in sources.values() for i in found}
    written = [float(abs(m.value) * m.scale) for m in mentions]
    moves = []
    for i in taken:
        takers = [p for p in params if sources[p.name] == [i]]
        if len(takers) != 2 or written.count(written[i]) != 1 \
                or unit_key(takers[0].unit) == unit_key(takers[1].unit):
            continue
        free = {p.name: [j for j, m in enumerate(mentions) if j not in taken and m.value != 0
                         and said[j] == unit_key(p.unit) and not after_per(text, m)]
                for p in takers}
        movers = [p for p in takers if len(free[p.name]) == 1 and said[i] != unit_key(p.unit)]
        if len(movers) == 1:
            p, j = movers[0], free[movers[0].name][0]
            moves.append(Rebinding(p.name, p.value, _value(mentions[j], p), f"the problem gives "
                                   f"{_as_written(mentions[j], words[j])}; {mentions[i].written} is "
                                   f"{words[i]}, taken by {next(q.name for q in takers if q is not p)}"))
    return moves


#: An ordinal right before a number, within its clause: "the first (800 L)", "the second tank, 2,000 L".
_ORDINAL_BEFORE = re.compile(r"\b(first|second|third)\b(?:\s+[a-z]+)?[\s(,:=]*$", re.IGNORECASE)
_ORDINALS = {"first": 1, "second": 2, "third": 3}


def _ordinal_before(text: str, mentions: list[Mention], i: int) -> int | None:
    """The ordinal the text writes right before its number ``i`` ("the first (800 L)": 1)."""
    lo, _ = between(text, mentions[i], mentions)
    found = _ORDINAL_BEFORE.search(text, lo, mentions[i].start)
    return _ORDINALS[found.group(1).lower()] if found else None


def _after_ordinals(text: str, group: list[tuple[Parameter, list[int]]], mentions: list[Mention], words: list[str],
                    said: list[str], unit: str) -> list[tuple[int, Rebinding]]:
    """Rule 1 for numbered parameters in another unit each, with several free numbers of their
    own unit (``volume1 = volume2 = 10`` from "10 g/L"): each takes the free number written right
    after its ordinal ("the first (1,000 L) ... the second (500 L)"), one each."""
    indices = [re.findall(r"\d+", p.name) for p, _ in group]
    picks = _one_each([[i for i in fits if len(index) == 1 and _ordinal_before(text, mentions, i) == int(index[0])]
                       for (_, fits), index in zip(group, indices, strict=True)])
    if picks is None:
        return []
    return [(i, Rebinding(p.name, p.value, _in_own_unit(mentions[i], p, said[i], unit),
                          f"the problem gives {_as_written(mentions[i], words[i])} for the "
                          f"{_nth(int(index[0]))}; {fmt_value(p.value)} is in another unit"))
            for (p, _), i, index in zip(group, picks, indices, strict=True)]


def _by_ordinal(text: str, params: list[Parameter], mentions: list[Mention], words: list[str]) -> list[Rebinding]:
    """Rule 2, last part: two parameters that differ only by an index (``volume1``, ``volume2``)
    and hold each the number the text gives right after the other's ordinal ("the first (800 L)
    ... the second (2,000 L)" read as ``volume1 = 2000``, ``volume2 = 800``) trade their numbers."""
    sources = {p.name: _sources(p, mentions) for p in params}
    moves = []
    for k, p in enumerate(params):
        for q in params[k + 1:]:
            indexed = _indexed(p, q)
            if unit_key(p.unit) != unit_key(q.unit) or indexed is None or len(indexed[0]) != 1 \
                    or len(sources[p.name]) != 1 or len(sources[q.name]) != 1:
                continue
            (a,), (b,) = indexed
            i, j = sources[p.name][0], sources[q.name][0]
            if i != j and _ordinal_before(text, mentions, i) == b and _ordinal_before(text, mentions, j) == a:
                moves += [Rebinding(p.name, p.value, _value(mentions[j], p), f"the problem gives "
                                    f"{_as_written(mentions[j], words[j])} for the {_nth(a)}; "
                                    f"{mentions[i].written} is the {_nth(b)}'s"),
                          Rebinding(q.name, q.value, _value(mentions[i], q), f"the problem gives "
                                    f"{_as_written(mentions[i], words[i])} for the {_nth(b)}; "
                                    f"{mentions[j].written} is the {_nth(a)}'s")]
    names = [mv.name for mv in moves]
    return [mv for mv in moves if names.count(mv.name) == 1]


def _held_out_of_order(text: str, params: list[Parameter], mentions: list[Mention], words: list[str],
                       said: list[str]) -> list[Rebinding]:
    """Rule 2, lists: parameters that differ only by their numbers (``S1_0``, ``S2_0``), of one
    unit, that hold between them the numbers of one list of the text in their unit and nothing
    else ("they start with 2,250 and 150 g of salt" read as ``S1_0 = 150``, ``S2_0 = 2250``),
    take the list in the order of their numbers."""
    sources = {p.name: _sources(p, mentions) for p in params}
    groups: dict[tuple[str, str], list[Parameter]] = {}
    for p in params:
        if re.search(r"\d", p.name) and unit_key(p.unit):
            groups.setdefault((re.sub(r"\d+", "#", p.name), unit_key(p.unit)), []).append(p)
    moves = []
    for (_, unit), group in groups.items():
        if len(group) < 2 or any(len(sources[p.name]) != 1 for p in group):
            continue
        held = sorted(sources[p.name][0] for p in group)
        # one list, all of it, in the parameters' unit: each number joined to the next, the one
        # before not joined to the first, the last not joined to another
        if len(set(held)) != len(group) or any(b != a + 1 for a, b in pairwise(held)) \
                or any(_factor(said[i], unit) is None for i in held) \
                or not all(_listed_on(text, mentions[i], mentions) for i in held[:-1]) \
                or _listed_on(text, mentions[held[-1]], mentions) \
                or (held[0] > 0 and _listed_on(text, mentions[held[0] - 1], mentions)):
            continue
        ordered = _by_index(group)
        written = [mentions[i].written for i in held]
        listed = f"{', '.join(written[:-1])} and {written[-1]}"
        for p, i in zip(ordered, held, strict=True):
            new = _in_own_unit(mentions[i], p, said[i], unit)
            if new != p.value:
                moves.append(Rebinding(p.name, p.value, new, f"the problem lists {listed} {words[held[-1]]}, "
                                                             f"in the order of the names"))
    return moves


def _unit_of_measure(unit: str) -> bool:
    """Whether ``unit`` (spelled alike) is a unit of measure or a temperature: not a count's word."""
    return is_measure(unit) or unit in _TEMPERATURES or unit in {"ft", "in", "mi", "yd", "lb", "oz", "gal"}


#: Units spelled as words that count nothing: no count's noun (:func:`_count_noun`).
_NO_COUNT_NOUN = frozenset(
    "dimensionless unitless none fraction ratio rad radian deg time cent point percent pct mole mol cal kcal "
    "byte kb mb gb tb ppm ppb khz mhz rpm bpm sigma lux mmhg inch inche mph mpg acre hectare pint quart yard "
    "knot psi btu decade century ton tonne lbs pound ounce gallon celsiu fahrenheit kelvin atm dozen score "
    "factor index level rate odds probability chance share".split())


def _counts_another(word: str, unit: str, p: Parameter, params: list[Parameter]) -> bool:
    """Whether a number written with ``word`` ("14 layers") counts other things than ``p``'s
    ``unit`` (``[logs]``), things another parameter's words name (``count  # number of layers``)."""
    # ("30 infectious cases" for ``I0  # initially infectious [people]``: its own word, though
    # ``infectious_days`` names it too; "increase per row" names no rows it counts)
    own = _stems(re.sub(r"\b(?:per|each|every|a)\s+\w+", " ", _named_by(p))) - _GENERIC_COUNT
    return (_count_noun(word) and word != unit and not _stems(word) & own
            and any(q is not p and _stems(word) & _count_words(q) for q in params))


def _count_noun(unit: str) -> bool:
    """Whether ``unit`` (spelled alike) is the noun of the things a count counts, as programs write
    a count's unit (``cookies_known = 4  # [cookie]``, ``[people]``), not a unit of measure."""
    return (unit.isalpha() and len(unit) > 2 and unit not in _CURRENCIES and unit not in _NO_COUNT_NOUN
            and not _unit_of_measure(unit))


def _with_companion(text: str, params: list[Parameter], mentions: list[Mention], words: list[str],
                    said: list[str]) -> list[Rebinding]:
    """Rule 2, companions: two parameters of one unit, each holding one number, where a parameter
    of another unit shares words with one of them alone (``T_base  # temperature at the base
    station`` with ``h_base  # altitude of the base station``, not ``h_top  # altitude of
    interest``) and its number stands right beside the other's number in one clause, not beside
    the first's ("the town at 350 m records 22 °C" read as ``h_base = 2350``, ``h_top = 350``
    beside ``T_base = 22``): the two trade their numbers."""
    sources = {p.name: _sources(p, mentions) for p in params}
    one = [p for p in params if len(sources[p.name]) == 1 and unit_key(p.unit)]
    own = {p.name: {w for w in _stems(_named_by(p)) if len(w) == 4}
           - {"with", "from", "that", "this", "each", "per"} for p in one}

    def beside(a: int, b: int) -> bool:
        lo, hi = sorted((mentions[a], mentions[b]), key=lambda m: m.start)
        gap = text[lo.end:hi.start]
        return abs(a - b) == 1 and not re.search(r"[.?!;,()]", gap) and len(gap.split()) <= 3

    trades: list[tuple[frozenset[str], str, list[Rebinding]]] = []  # (the pair, the companion, moves)
    for p, q in combinations(one, 2):
        if unit_key(p.unit) != unit_key(q.unit) or unit_key(p.unit) in _CURRENCIES:
            continue
        i, j = sources[p.name][0], sources[q.name][0]
        for r in one:
            if unit_key(r.unit) == unit_key(p.unit) or unit_key(r.unit) in _CURRENCIES:
                continue
            k = sources[r.name][0]
            # each number written in its parameter's unit of measure: "1,480 ft", "36 °F"
            # (or a percentage: "39 L of 20% saline solution" for ``conc_1  # [%]`` beside ``amount_1``)
            if any(said[n] != unit_key(x.unit) or not (_unit_of_measure(said[n]) or said[n] == "%")
                   for n, x in ((i, p), (j, q), (k, r))):
                continue
            for x, y, a, b in ((p, q, i, j), (q, p, j, i)):
                # r is x's companion, and its number stands beside y's
                if own[r.name] & own[x.name] - own[y.name] and not own[r.name] & own[y.name] - own[x.name] \
                        and beside(k, b) and not beside(k, a) and i != j:
                    trades.append((frozenset({x.name, y.name}), r.name, [
                        Rebinding(x.name, x.value, _value(mentions[b], x),
                                  f"{mentions[b].written} stands with {r.name}'s {mentions[k].written}"),
                        Rebinding(y.name, y.value, _value(mentions[a], y),
                                  f"{mentions[b].written} is {x.name}'s, beside {r.name}'s {mentions[k].written}")]))
    # "10.2 mg/L at 4 h and 1.55 mg/L at 9 h" read as ``t1 = 9``, ``t2 = 4`` beside ``C1 = 10.2``,
    # ``C2 = 1.55``: the times trade for the levels' sake and the levels for the times'; one trade
    # pairs them again, both would cross them anew. The one that puts its pair in the text's
    # order (``t1`` on the first time written) is kept, or neither where that does not tell
    by_name = {p.name: p for p in one}

    def in_order(pair: frozenset[str], mvs: list[Rebinding]) -> bool:
        new = {mv.name: mv.new for mv in mvs}
        first, second = _by_index([by_name[n] for n in pair])
        at = [next((m.start for m in mentions if math.isclose(abs(float(m.value * m.scale)), abs(new[x.name]),
                                                               rel_tol=1e-9)), -1) for x in (first, second)]
        return -1 < at[0] < at[1] and _by_index([second, first])[0] is first

    mutual = {n for n, (pair, r, _) in enumerate(trades)
              if any(r in pair2 and r2 in pair for pair2, r2, _ in trades if pair2 != pair)}
    kept = [mvs for n, (pair, _, mvs) in enumerate(trades)
            if n not in mutual or (in_order(pair, mvs) and not any(
                in_order(pair2, mvs2) for m, (pair2, _, mvs2) in enumerate(trades) if m in mutual and pair2 != pair))]
    moves = [mv for mvs in kept for mv in mvs]
    names = [mv.name for mv in moves]
    return [mv for mv in moves if names.count(mv.name) == 1]


def _nth(k: int) -> str:
    return ("first", "second", "third")[k - 1]


def _listed_pair(text: str, params: list[Parameter], mentions: list[Mention], said: list[str]) -> list[Rebinding]:
    """Rule 2, a pair listed: two parameters of one unit that differ only by an index (``S1_0``,
    ``S2_0``) take the two numbers the text lists in that unit ("they start with 0.4 and 0 kg of
    salt"), the lower index the first, where one of them holds a number that is neither (``S1_0 =
    5`` from "5 g/L"; a zero counts, as "0 kg" is written)."""
    # the pairs of two numbers joined by "and" and no list around them, by the unit written after
    # the second (the first bare or in it, and no calendar year)
    listed_in: dict[str, list[tuple[int, int]]] = {}
    for a in range(len(mentions) - 1):
        b = a + 1
        if said[a] in ("", said[b]) and not _year_like(mentions[a]) \
                and re.fullmatch(r"\s+and\s+", text[mentions[a].end:mentions[b].start]) \
                and not (a > 0 and _LISTED.fullmatch(text, mentions[a - 1].end, mentions[a].start)) \
                and not (b + 1 < len(mentions) and _LISTED.fullmatch(text, mentions[b].end, mentions[b + 1].start)):
            listed_in.setdefault(said[b], []).append((a, b))
    moves = []
    for p, q in combinations(params, 2):
        unit = unit_key(p.unit)
        indices = _indexed(p, q)
        if indices is None or unit != unit_key(q.unit) or not is_measure(unit):
            continue
        pairs = listed_in.get(unit, [])
        if len(pairs) != 1:
            continue
        first, second = (p, q) if indices[0] < indices[1] else (q, p)
        listed = [_value(mentions[k], x) for k, x in zip(pairs[0], (first, second), strict=True)]
        if [first.value, second.value] == listed or all(x.value in listed for x in (first, second)):
            continue  # in order already, or the two numbers in another order: the model's reading
        for x, new in zip((first, second), listed, strict=True):
            if x.value != new:
                moves.append(Rebinding(x.name, x.value, new, f"the problem lists {mentions[pairs[0][0]].written} and "
                                                             f"{mentions[pairs[0][1]].written} {said[pairs[0][1]]} "
                                                             f"in the order of the indices"))
    return moves


def _year_like(m: Mention) -> bool:
    """Whether a number could be a calendar year (a whole number from 1800 to 2200, bare)."""
    return m.scale == 1 and not m.percent and float(m.value).is_integer() and 1800 <= m.value <= 2200


def _indexed(p: Parameter, q: Parameter) -> tuple[list[int], list[int]] | None:
    """The numbers in the names of two parameters that differ only by them (``S1_0``, ``S2_0``:
    [1, 0] and [2, 0]); None for names of other shapes or the same numbers."""
    if re.sub(r"\d+", "#", p.name) != re.sub(r"\d+", "#", q.name):
        return None
    a, b = ([int(d) for d in re.findall(r"\d+", x.name)] for x in (p, q))
    return (a, b) if a != b else None


def _rescaled(text: str, params: list[Parameter], mentions: list[Mention]) -> list[Rebinding]:
    """Rule 3, last part: a fraction (``[1]``, between 0 and 1) that holds a rate out of a round
    base ("56 per 1,000 people") scaled by another power of ten (``prevalence = 0.000056``; a
    conversion, so no made-up value to the verifier) takes the rate over its base (0.056)."""
    moves = []
    for p in params:
        if unit_key(p.unit) != "1" or not 0 < abs(p.value) < 1:
            continue
        found = [(m, base) for m in mentions if (base := _per_base(text, m)) is not None and m.value > 0
                 and any(math.isclose(abs(p.value), float(m.value) * 10.0 ** -k, rel_tol=1e-9) for k in range(1, 9))]
        if len(found) != 1 or any(mentions[i] is not found[0][0] for i in _sources(p, mentions)):
            continue  # 0.9 is "90% sensitivity", not "9 per 1,000" over ten
        m, base = found[0]
        new = float(m.value / base)
        if not math.isclose(abs(p.value), new, rel_tol=1e-9):
            moves.append(Rebinding(p.name, p.value, new, f"the problem gives {m.written} per {int(base):,}; "
                                                         f"{fmt_value(p.value)} is it over another base"))
    return moves


def _scaled_alike(params: list[Parameter], mentions: list[Mention]) -> list[Rebinding]:
    """Rule 3, scale words: a parameter holding a number without its scale word ("11.9 million
    users" as ``N2 = 11.9``) where another parameter of its unit holds a number with the same
    scale word in full (``N1 = 2500000`` for "2.5 million") takes its number in full too: the two
    are compared, and one must not be a million times the other."""
    sources = {p.name: _sources(p, mentions) for p in params}
    taken = {i for ns in sources.values() for i in ns}
    moves = []
    for q in params:
        unit = unit_key(q.unit)
        if sources[q.name] or not unit or q.value == 0:
            continue
        bare = [i for i, m in enumerate(mentions) if m.scale != 1 and i not in taken
                and math.isclose(abs(q.value), abs(float(m.value)), rel_tol=1e-9)]
        if len(bare) != 1:
            continue
        m = mentions[bare[0]]
        if any(unit_key(p.unit) == unit and p is not q
               and any(mentions[i].scale == m.scale and math.isclose(abs(p.value), abs(float(mentions[i].value * m.scale)),
                                                                     rel_tol=1e-9) for i in sources[p.name])
               for p in params):
            moves.append(Rebinding(q.name, q.value, float(m.value * m.scale) * (1 if q.value > 0 else -1),
                                   f"the problem gives {m.written} {m.scale_name}, and the other numbers in "
                                   f"[{q.unit}] are taken in full"))
    return moves


def _scale_in_unit(params: list[Parameter], mentions: list[Mention], said: list[str]) -> list[Rebinding]:
    """Rule 3, a scale word in the unit: of two or more parameters in ``[million people]``, one
    holding a number the text writes with "million" (``N = 1.2`` for "a city of 1.2 million
    people") and another a number it writes in full (``I0 = 80`` for "80 infectious cases"), the
    first takes its number in full, in people: the program counts the two alike."""
    sources = {p.name: _sources(p, mentions) for p in params}
    moves = []
    for p in params:
        scale, _, rest = p.unit.strip().partition(" ")
        if scale.lower() not in {"thousand", "million", "billion"} or not rest:
            continue
        scaled = [i for i in sources[p.name] if (mentions[i].scale_name or "").lower() == scale.lower()
                  and math.isclose(abs(p.value), abs(float(mentions[i].value)), rel_tol=1e-9)]
        # (written with a word of its own: "N(0) = 320" beside "K = 2,200 thousand users", or "from
        # 890 to 2,400 thousand users", leaves the thousands implied)
        full = [q for q in params if q is not p and q.unit.strip() == p.unit.strip() and q.value != 0
                and sources[q.name] and all(mentions[i].scale == 1 and said[i].isalpha() and said[i] not in _NO_UNIT
                                            and not _stems(said[i]) & _stems(rest) for i in sources[q.name])
                and abs(q.value) > 1]
        if len(scaled) == 1 and full:
            m = mentions[scaled[0]]
            moves.append(Rebinding(p.name, p.value, float(m.value * m.scale), f"the problem gives {m.written} "
                                   f"{m.scale_name}, and {full[0].name} counts {rest} in full", unit=rest))
    return moves


def _one_scale_off(group: list[Parameter], fits: list[list[int]], mentions: list[Mention], words: list[str],
                   unit: str) -> list[tuple[int, Rebinding]]:
    """Rule 3, made-up values one power of ten off: two or more made-up values of one unit that
    are each the same power of ten (10 to 1,000,000, or its inverse) times a different free number
    of their unit (``N0 = 1600000``, ``K = 12000000`` for "16,000 people ... a ceiling of
    120,000": 100 times each) take those numbers: the model scaled them all alike."""
    for factor in (10, 100, 1000, 10_000, 100_000, 1_000_000, 0.1, 0.01, 0.001):
        picks = [[i for i in f if math.isclose(abs(p.value), abs(float(mentions[i].value * mentions[i].scale)) * factor,
                                               rel_tol=1e-9)] for p, f in zip(group, fits, strict=True)]
        if all(len(x) == 1 for x in picks) and len({x[0] for x in picks}) == len(group):
            return [(x[0], Rebinding(p.name, p.value, _value(mentions[x[0]], p),
                                     f"the problem gives {_as_written(mentions[x[0]], words[x[0]])}; the "
                                     f"{len(group)} made-up values of [{unit}] are each {fmt_value(factor)} times "
                                     f"a free number"))
                    for p, x in zip(group, picks, strict=True)]
    return []


def _half_life_from_rate(text: str, params: list[Parameter], mentions: list[Mention],
                         said: list[str]) -> list[Rebinding]:
    """Rule 3, a half-life from a rate constant: a half-life the text does not give in a unit of
    time (``half_life = 1.0  # [h]``, the shown example's parameter, from "1 per hour") where the text gives an elimination or decay
    rate constant instead, its one free number per unit of time ("an elimination rate constant of
    0.26 per hour"), is ln 2 over that rate (2.67 h): the program computes the rate back from it."""
    moves = []
    free = free_numbers(text, params, mentions)
    for p in params:
        unit = unit_key(p.unit)
        if not _HALF_LIFE.search(f"{p.name} {p.description}") or _SIZE.get(unit, ("",))[0] not in _SPANS \
                or any(_factor(said[i], unit) is not None for i in _sources(p, mentions)):
            continue  # (a number of the text in its unit is its own: "a half-life of 6 hours")
        # (free, or the one it holds itself: ``half_life = 0.08`` for "a rate constant of 0.08 per hour")
        held = [i for i in _sources(p, mentions) if _written_once(mentions, i)
                and not any(q is not p and i in _sources(q, mentions) for q in params)]
        rates = [i for i in dict.fromkeys(free + held) if said[i].startswith("1/")
                 and _factor(said[i], f"1/{unit}") is not None
                 and _RATE_CONSTANT.search(text[max(0, mentions[i].start - 60):mentions[i].start])]
        if len(rates) != 1:
            continue
        m = mentions[rates[0]]
        k = float(m.value * m.scale * _factor(said[rates[0]], f"1/{unit}"))
        if k > 0 and not math.isclose(p.value, math.log(2) / k, rel_tol=1e-9):
            moves.append(Rebinding(p.name, p.value, math.log(2) / k,
                                   f"the problem gives a rate constant of {m.written} {said[rates[0]]}, no half-life: "
                                   f"ln 2 / {m.written}"))
    return moves


#: A parameter that is a half-life; words before a number that make it a rate constant.
_HALF_LIFE = re.compile(r"half[\s_-]?life|\bt_?half\b|\bt_?12\b", re.IGNORECASE)
_RATE_CONSTANT = re.compile(r"\brate constant\b[^.;,]*$|\b(?:elimination|decay) rate\b[^.;,]*$", re.IGNORECASE)


def _per_base(text: str, m: Mention) -> Decimal | None:
    """The base of a rate written "41 per 1,000 (people)" or "1 in 500": 1000, 500; None for any
    other number."""
    if m.percent:
        return None
    found = _PER_BASE.match(text[m.end:m.end + 24])
    if found:
        return Decimal(found.group(1).replace(",", ""))
    # "1 in 500 people", "3 out of 40": a whole number out of a larger whole one
    found = _OUT_OF.match(text[m.end:m.end + 24])
    if found and m.scale == 1 and m.value == m.value.to_integral_value() and m.value > 0:
        base = Decimal(found.group(1).replace(",", ""))
        return base if base > m.value else None
    return None


def _in_own_unit(m: Mention, p: Parameter, said: str, unit: str, text: str = "") -> float:
    """``p``'s value from the number ``m`` written in ``said``, converted to ``p``'s ``unit``
    where the two differ by a factor ("2.2 kΩ" for ``[Ohm]``); a fraction out of its base where
    ``text`` writes one ("1 in 200": 0.005)."""
    base = _per_base(text, m) if text and unit == "1" and 0 < abs(p.value) < 1 else None
    return _value(m, p, Decimal(1) / base if base else _factor(said, unit) or Decimal(1))


def _one_each(candidates: list[list[int]]) -> list[int] | None:
    """The one candidate number of each of several parameters, where each has exactly one and
    no two share theirs; None otherwise."""
    if any(len(c) != 1 for c in candidates):
        return None
    picks = [c[0] for c in candidates]
    return picks if len(set(picks)) == len(picks) else None


def _whole(value: float) -> bool:
    return float(value).is_integer()


def _count(m: Mention) -> bool:
    """Whether a number of the text can be a count: whole, no percentage, no scale word."""
    return not m.percent and m.scale == 1 and m.value == m.value.to_integral_value() and m.value > 0


#: A number that is part of a time of day: the hour of "9:00", the minutes of "7:15".
_CLOCK_HOUR, _CLOCK_MINUTES = re.compile(r":\d\d\b"), re.compile(r"\d:$")


def _derived(text: str, value: float, mentions: list[Mention], said: list[str], unit: str) -> bool:
    """Whether ``value`` (in ``unit``) is the difference, sum, product or ratio of two numbers of
    the text. The ratio of two numbers written in one unit has none: it is no value in a unit
    ("2,000 L and 1,000 L" give no 0.5 in ``[kg/L]``); nor has that of two measures whose quotient
    is not of the unit's dimension ("200 L" and "40 kg" give no 5 in ``[L/min]``). A time of day
    gives only its difference from another ("at 8:00 ... at 10:00": 2), nothing with a quantity
    ("had a coffee at 9:00" and "1 g/h" give no 10)."""
    nums = [float(m.value) * (0.01 if m.percent else m.scale) for m in mentions]
    hours = {i for i, m in enumerate(mentions) if _CLOCK_HOUR.match(text, m.end)}
    minutes = {i for i, m in enumerate(mentions) if _CLOCK_MINUTES.search(text, max(0, m.start - 2), m.start)}

    def dimensioned(u: str) -> bool:
        return u in _CURRENCIES or is_measure(u)

    def results(i: int, j: int) -> list[float]:
        a, b = nums[i], nums[j]
        both = unit not in {"", "1", "%"} and dimensioned(said[i]) and dimensioned(said[j])
        # 2.1 hours less 1.5 per hour is no value; 12 years times 1,000 EUR is no amount in EUR
        out = [a - b, a + b] if not both or _factor(said[i], said[j]) is not None else []
        if not both:
            out.append(a * b)
        if (unit in {"", "1", "%"} or not said[i] or said[i] != said[j]) and abs(a) != abs(b):
            # two measures give a ratio in their quotient's unit only: 200 L over 40 kg is no
            # flow in L/min, 300 L over 100 g/L none either (and a number over itself, written
            # twice, "−5 °C ... stays at −5 °C", or by its negative, gives no 1)
            out += ([a / b] if b and (not both or _factor(f"{said[i]}/{said[j]}", unit) is not None) else []) \
                + ([b / a] if a and (not both or _factor(f"{said[j]}/{said[i]}", unit) is not None) else [])
        return out

    def clocked(i: int, j: int) -> list[float]:
        if i in minutes or j in minutes:
            return []
        if i in hours or j in hours:
            return [nums[i] - nums[j]] if i in hours and j in hours else []
        return results(i, j)

    return any(math.isclose(abs(value), abs(r), rel_tol=1e-9)
               for i, j in combinations(range(len(nums)), 2) for r in clocked(i, j))


def _written_in(said: str, unit: str, value: float) -> bool:
    """Whether a number written with ``said`` after it can take the place of ``value`` in
    ``unit``: the same unit, a percentage for a rate ("2.1% a year" for ``[1/year]``) or for a
    fraction (``fraction_left = 0.0714  # [1]`` for "79.6% is left"), or the numerator of a
    rate's unit ("1.50 CHF is charged per gigabyte" for ``[CHF/GB]``)."""
    if said == unit or (said == "%" and (unit.startswith("1/") or (unit == "1" and 0 < abs(value) < 1))):
        return True
    # "1.50 CHF is charged per gigabyte" for ``rate  # [CHF/GB]``: the unit's numerator
    top = unit.split("/")[0]
    return "/" in unit and top not in {"", "1"} and said == top


def _conversion_of(value: float, number: float) -> bool:
    """Whether ``value`` is ``number`` after a unit conversion other than none (x1000, x60, ...)."""
    from .verify import _CONVERSIONS

    return any(math.isclose(abs(value), abs(number) * c, rel_tol=1e-9) for c in _CONVERSIONS if c != 1)


def _other_dimension(said: str, unit: str) -> bool:
    """Whether a number written in ``said`` is a measure of another dimension than ``unit``
    ("5 days" for ``[people]``; not "5 cases", whose word is no unit bind knows)."""
    return is_measure(said) and _factor(said, unit) is None


def _foreign(p: Parameter, mentions: list[Mention], said: list[str]) -> bool:
    """Whether ``p``'s value is a number of the text only as a unit conversion (x1000, x60, ...)
    of numbers written in units of measure of another dimension than ``p``'s ("600 mg" as ``ka =
    0.6  # [1/h]``)."""
    unit = unit_key(p.unit)
    hits = [u for m, u in zip(mentions, said, strict=True) if m.value != 0 and _conversion_of(p.value, float(m.value * m.scale))]
    return bool(hits) and all(_other_dimension(u, unit) for u in hits)


def _borrowed(p: Parameter, params: list[Parameter], mentions: list[Mention],
              sources: dict[str, list[int]], listed: dict[str, list[int]] | None = None) -> str | None:
    """The parameter that takes, as written, the number of which ``p``'s value is only a unit
    conversion (x1000, x60, ...): ``t_query`` for ``m = 1700000  # [kg]`` beside ``t_query = 1.7
    # [s]``, or the data line that holds it (``cash_flows = [64300, ...]`` for ``rate = 0.0643``);
    None if there is none. The verifier counts a conversion as given, as "220 mH" is for
    ``L = 0.22  # [H]``; taken by another parameter, the number is not this one's."""
    if sources[p.name] or abs(p.value) in (1.0, 2.0, 3.0) or structural_reason(p) is not None:
        return None
    holders = [(q.name, sources[q.name]) for q in params if q.name != p.name] + list((listed or {}).items())
    for name, held in holders:
        if any(_conversion_of(p.value, float(mentions[i].value)) for i in held):
            return name
    return None


def _listed_numbers(program: str, mentions: list[Mention]) -> dict[str, list[int]]:
    """The numbers of the text each data line of the program holds: name -> their indices."""
    out: dict[str, list[int]] = {}
    for name, node in _data_lists(program).items():
        items = {float(v) for e in node.elts if (v := literal_number(e)) is not None}
        out[name] = [i for i, m in enumerate(mentions) if m.value != 0 and float(m.value * m.scale) in items]
    return out


def _as_percent(program: str, params: list[Parameter], mentions: list[Mention]) -> list[Rebinding]:
    """Rule 7: a parameter in ``[%]`` that holds a percentage of the text as a fraction
    (``p_each = 0.08  # [%]`` for "8%") while the program divides it by 100 takes the
    percentage as written, as its unit and its use say."""
    moves = []
    for p in params:
        if not unit_is_percent(p) or not re.search(rf"\b{re.escape(p.name)}\s*/\s*100\b", program):
            continue
        found = [m for m in mentions if m.percent and m.value != 0
                 and math.isclose(abs(p.value), abs(float(m.value)) / 100, rel_tol=1e-9)]
        if len(found) == 1:
            m = found[0]
            moves.append(Rebinding(p.name, p.value, _value(m, p), f"{p.name} is in % and divided by 100; "
                                                         f"the problem gives {m.written}%"))
    return moves


#: A percentage of a named quantity right after its number: "% of the carrying capacity".
_PERCENT_OF = re.compile(r"%?\s*of\s+(?:the|its|their|this|that)\s+((?:[\w-]+\s+){0,2}[\w-]+)", re.IGNORECASE)


def _percent_of(text: str, params: list[Parameter], mentions: list[Mention]) -> list[Rebinding]:
    """Rule 7, a share of another parameter: a parameter in a unit of things or of measure
    (``N_target = 50  # [fish]``) holding the number of a percentage the text writes as a share
    of a quantity another parameter of that unit holds ("grow from 1,000 to 50% of the carrying
    capacity" beside ``K = 9000  # carrying capacity [fish]``) takes that share (4500)."""
    moves = []
    for p in params:
        unit = unit_key(p.unit)
        if not unit or unit in {"1", "%"} or unit.startswith("1/") or unit_is_percent(p) or isinstance(p.value, list):
            continue
        found = [m for m in mentions if m.percent and m.value and math.isclose(abs(p.value), float(m.value), rel_tol=1e-9)]
        if len(found) != 1 or not (of := _PERCENT_OF.match(text, found[0].end)):
            continue
        # the words that name it: as many of the next three as another parameter's words hold
        after = of.group(1).split()
        for k in range(len(after), 0, -1):
            named = _stems(" ".join(after[:k]))
            whose = [q for q in params if q is not p and unit_key(q.unit) == unit and not isinstance(q.value, list)
                     and named and named <= _stems(_named_by(q))]
            if whose:
                break
        if len(whose) == 1:
            q = whose[0]
            moves.append(Rebinding(p.name, p.value, float(found[0].value) / 100 * q.value,
                                   f"the problem gives {found[0].written}% of the {' '.join(after[:k])}, "
                                   f"{q.name} = {fmt_value(q.value)}"))
    return moves


#: Units of one dimension a text and a program may use for the same quantity, with their size in
#: the smallest (month and year only with each other: a year is 12 months, but 365 or 365.25 days).
_SCALES = {
    "time": {"ms": 1, "s": 1000, "min": 60000, "h": 3600000, "day": 86400000, "week": 604800000},
    "calendar": {"month": 1, "year": 12},
    # (US customary units by their exact definitions: 1 lb = 0.45359237 kg, 1 ft = 0.3048 m)
    "mass": {"mg": 1, "g": 1000, "kg": 1000000, "oz": "28349.523125", "lb": "453592.37"},
    "length": {"mm": 1, "cm": 10, "m": 1000, "km": 1000000, "inch": "25.4", "ft": "304.8", "yd": "914.4",
               "mi": 1609344},
    "volume": {"ml": 1, "l": 1000, "gal": "3785.411784"},  # (the US gallon)
    "resistance": {"ohm": 1, "kohm": 1000},
    "capacitance": {"pf": 1, "nf": 1000, "uf": 1000000, "mf": 1000000000, "f": 1000000000000},
    "voltage": {"mv": 1, "v": 1000, "kv": 1000000},
    "current": {"ma": 1, "a": 1000},
    "inductance": {"uh": 1, "mh": 1000, "henry": 1000000},
    # "a 25 kN/m spring" for ``k  # [N/m]``, "0.6 GW" for ``[kW]``; a megawatt is spelled out
    # (:func:`unit_key`: "MW" and "mW" are one word once lowered)
    "power": {"w": 1, "kw": 1000, "megawatt": 1000000, "gw": 1000000000},
    "force": {"n": 1, "kn": 1000},
    "energy": {"j": 1, "kj": 1000, "wh": 3600, "kwh": 3600000},
    "pressure": {"pa": 1, "hpa": 100, "kpa": 1000},  # no "bar": "12 bars" are mostly chocolate
}
_CUSTOMARY = frozenset({"inch", "ft", "yd", "mi", "oz", "lb", "gal"})
_SIZE = {u: (dim, Decimal(str(f))) for dim, table in _SCALES.items() for u, f in table.items()}
_SPANS = frozenset({"time", "calendar"})  # the dimensions of a span of time


def _converted_from(p: Parameter, unit: str, mentions: list[Mention], said: list[str]) -> bool:
    """Whether ``p`` holds a number of the text written in another unit of its dimension,
    converted (``R = 2200  # [Ohm]`` for "2.2 kΩ", beside "2200 µF")."""
    return any((f := _factor(u, unit)) not in (None, 1) and m.value != 0
               and math.isclose(abs(p.value), abs(float(m.value * m.scale * f)), rel_tol=1e-9)
               for m, u in zip(mentions, said, strict=True))


def _factor(said: str, unit: str) -> Decimal | None:
    """What a number written in ``said`` is multiplied by to be in ``unit`` (both spelled alike):
    1 for the same unit, 1000 for "47 kΩ" in ``[Ohm]``; None for another dimension or an
    unknown unit."""
    if said == unit:
        return Decimal(1)
    top, slash, _ = unit.partition("/")
    if slash and said == top and top in _CURRENCIES:
        # a price is often written without "each" ("sells at 8 euros"): an amount of money can be
        # one per unit, but one written per unit ("11.66 dollars per unit") is no total
        return Decimal(1)
    if (one := _sizes(said, unit)) is not None:
        return one[0] / one[1]
    if {said, unit} == {"rad/s", "hz"}:
        # an angular frequency and a frequency: "4 rad/s" is 4 / (2π) in ``[Hz]``
        two_pi = Decimal(2 * math.pi)
        return 1 / two_pi if said == "rad/s" else two_pi
    # a quotient of two such units, each converted: "50 g/L" is 0.05 in ``[kg/L]``, "2 L/min"
    # is 120 in ``[L/h]``, "0.3/day" is 0.0125 in ``[1/h]``
    (s_top, s_slash, s_bottom), (u_top, u_slash, u_bottom) = said.partition("/"), unit.partition("/")
    if not (s_slash and u_slash) or "/" in s_bottom + u_bottom:
        return None
    sizes = [_sizes(s_top, u_top), _sizes(s_bottom, u_bottom)]
    if None in sizes:
        return None
    (st, ut), (sb, ub) = sizes
    return st * ub / (ut * sb)


def is_measure(unit: str) -> bool:
    """Whether ``unit`` (spelled alike) is a unit of measure bind knows the dimension of: ``mg``,
    ``h``, ``kg/l``, ``1/h``."""
    top, slash, bottom = unit.partition("/")
    return unit in _SIZE or (bool(slash) and "/" not in bottom and (top in _SIZE or top == "1") and bottom in _SIZE)


def _sizes(said: str, unit: str) -> tuple[Decimal, Decimal] | None:
    """The sizes of two units of one dimension (1 and 1 for one unit spelled alike); None for two
    dimensions or an unknown unit."""
    if said == unit:
        return Decimal(1), Decimal(1)
    a, b = _SIZE.get(said), _SIZE.get(unit)
    return (a[1], b[1]) if a and b and a[0] == b[0] else None


_ASKS_IN = re.compile(r"\bhow many ([a-z]+)\b|\b(?:in|answer in)\s+([a-z]+)\s*(?:\)|[?.,]|$)", re.IGNORECASE)


def _asks_in(text: str, unit: str) -> bool:
    """Whether the question asks for its answer in ``unit`` (spelled alike): "How many hours
    ...?", "(in minutes)"."""
    return any(unit_key(a or b) == unit for a, b in _ASKS_IN.findall(question_of(text)))


#: Time units a program mixes only by converting (months and years are mixed on purpose: a
#: monthly payment at a yearly rate).
_CLOCK = _SCALES["time"]


def _scaled(program: str, name: str) -> bool:
    """Whether the program multiplies or divides ``name`` by a number (``rate_per_min * 60``):
    it converts the parameter itself."""
    n = re.escape(name)
    # (a literal inside a call, "sp.log(2) / half_life", is no conversion)
    return bool(re.search(rf"\b{n}\s*[*/]\s*\d|(?<![\w.(])\d[\d.]*\s*[*/]\s*{n}\b", program))


def _scaled_into(program: str, name: str, factor: Decimal | None) -> bool:
    """Whether the program multiplies ``name`` by exactly the number of the text's unit in the
    parameter's (``n = years * 12`` where the text writes "48 months" for ``years  # [year]``): it
    converts the parameter from its own unit, so the text's number is to be converted into it."""
    if factor is None or factor == 0 or factor >= 1 or (1 / factor) != int(1 / factor):
        return False
    n, k = re.escape(name), int(1 / factor)
    return bool(re.search(rf"\b{n}\s*\*\s*{k}(?:\.0)?(?![\d.])|(?<![\w.(]){k}(?:\.0)?\s*\*\s*{n}\b", program))


#: Factors of unit conversions (inch, foot, pound, mile, gallon, calorie, °F), none a fraction of anything.
_CONVERSION_LITERALS = frozenset({0.0254, 0.3048, 0.45359237, 2.20462, 3.28084, 1.609344, 0.621371, 3.78541,
                                  0.44704, 4.184, 1.8, 2.54})
#: How many of a unit a program counts in a year when it divides by them (``days / 365``).
_PER_YEAR = {"day": (365, 360), "month": (12,), "week": (52,)}
#: The factors a value converted though written in its own unit was multiplied by: powers of ten,
#: and minutes and hours (``c = 44400  # [N*s/m]`` for "740 N·s/m").
_POWERS_AND_CLOCK = (1e3, 1e6, 1e-3, 1e-6, 60, 3600, 1 / 60, 1 / 3600)


def _converted(program: str, params: list[Parameter], mentions: list[Mention], words: list[str],
               said: list[str], text: str) -> list[Rebinding]:
    """Rule 10: a number of the text given in another unit of the parameter's dimension.

    a. A parameter's value is a number of the text as written, but the text writes it in another
       unit of the same dimension than the parameter's comment names (``half_life = 360  # [h]``
       for "a half-life of 360 minutes"): it takes the number converted (6).
       Where one number written in the parameter's own unit is free, the parameter moves there
       instead ("790 CHF for 7 hours of work ... measured 3 months ago" read as
       ``time_known = 3  # [h]`` takes 7).
    b. A rate per unit of time the text gives as written, in a time unit no other parameter uses,
       while the program's other parameters all count time in one other unit (``R = 1.58  #
       [mg/min]`` beside ``CL  # [L/h]`` and ``t_query  # [h]``, and no ``R * 60``): it takes the
       rate in that unit (94.8 mg/h), and its comment says so.
    c. A parameter's value is a number of the text times a power of ten (1000, 0.001, ...), 60
       or 3,600 (or divided by them) that the text writes in the parameter's own unit and no
       parameter takes (``flow = 12000  # [L/min]`` for "12 L/min", ``c = 44400  # [N*s/m]`` for
       "740 N·s/m"): it takes the number as written.
    d. A parameter used once, in a product with one given per another unit of its dimension
       (``volume = 1  # [L]`` in ``volume * drop_factor``, ``drop_factor  # [gtt/mL]``), takes its
       value in that unit (1000 mL), unless the program converts that product itself
       (:func:`_per_other_unit`).
    Only where the program does not scale the parameter itself."""
    moves = []
    clocks = {p.name: _clock(unit_key(p.unit)) for p in params}
    taken = {i for p in params for i in _sources(p, mentions)}
    sizes = unit_sizes(text, mentions)
    for p in params:
        unit = unit_key(p.unit)
        found = [i for i, m in enumerate(mentions) if m.value != 0 and not m.percent
                 and math.isclose(abs(p.value), abs(float(m.value * m.scale)), rel_tol=1e-9)]
        # (a program that scales a parameter whose name carries its unit, ``C_uF * 1e-6``, converts
        # from that unit: the value is still the text's in it)
        if not found and unit and (not _scaled(program, p.name) or p.name.lower().rpartition("_")[2] == unit):
            # c. converted though written in its own unit: ``flow = 12000  # [L/min]`` for "12 L/min"
            again = [i for i, m in enumerate(mentions) if m.value != 0 and not m.percent and said[i] == unit
                     and i not in taken and any(math.isclose(abs(p.value), abs(float(m.value * m.scale)) * c,
                                                             rel_tol=1e-9) for c in _POWERS_AND_CLOCK)]
            if len(again) == 1:
                m = mentions[again[0]]
                moves.append(Rebinding(p.name, p.value, _value(m, p), f"the problem gives "
                                       f"{_as_written(m, words[again[0]])}, in {p.unit} already"))
            continue
        # a span the program converts itself by the calendar, written in years ("in 2 years" for
        # ``days = 2  # [day]`` beside ``years = days / 365``): 730 days, by the program's own year
        per_year = _PER_YEAR.get(unit)
        divided = per_year and re.search(rf"\b{re.escape(p.name)}\s*/\s*({'|'.join(map(str, per_year))})\b", program)
        # (or in months: "in 4 months" for ``days = 4  # [day]`` beside ``days / 365`` is a third of it)
        if len(found) == 1 and divided and said[found[0]] in ("year", "month") and unit != said[found[0]] \
                and not any(q.name != p.name and found[0] in _sources(q, mentions) for q in params):
            n, m = int(divided.group(1)), mentions[found[0]]
            new = _value(m, p, Decimal(n) / (12 if said[found[0]] == "month" else 1))
            moves.append(Rebinding(p.name, p.value, new, f"the problem gives {_as_written(m, words[found[0]])}; the "
                                                         f"program counts {n} {unit}s a year: {fmt_value(new)}"))
            continue
        if len(found) != 1 or _scaled(program, p.name) and p.name.lower().rpartition("_")[2] != unit \
                and not _scaled_into(program, p.name, _factor(said[found[0]], unit)):
            continue  # (a name that carries its unit, ``height_cm / 100``, is scaled from that unit)
        i = found[0]
        if any(q.name != p.name and i in _sources(q, mentions) for q in params):
            continue  # the number is another parameter's too: which one it is for is rule 1's question
        m, factor = mentions[i], _factor(said[i], unit)
        # "20 mg" for ``need_protein  # [g]`` beside ``need_iron  # [mg]`` is the iron's number
        # misbound (rule 1's to put right), no protein to convert; so is a number written in the
        # unit of another parameter, or where a number of the parameter's own unit is free
        theirs = any(unit_key(q.unit) == said[i] for q in params)
        free = [j for j, u in enumerate(said) if u == unit and j not in taken and mentions[j].value != 0
                and j not in sizes]
        suffix = p.name.lower().rpartition("_")[2]
        if factor not in (None, 1) and unit_key(suffix) == said[i] and re.search(
                rf"\b{re.escape(p.name)}\s*\*\s*\w+_per_{suffix}\b|\b\w+_per_{suffix}\s*\*\s*{re.escape(p.name)}\b",
                program):
            continue  # ``weight_lb = 36  # [kg]`` times ``kg_per_lb``: in the unit its name carries
        if factor not in (None, 1) and not theirs and not free:
            new = _value(m, p, factor)
            written = _as_written(m, words[i])
            inches = _FEET_INCHES.match(text, m.end)
            if said[i] == "ft" and inches and (to_cm := _factor("inch", unit)) is not None:
                # "5 ft 7 in tall": the feet and the inches are one length
                new = float((Decimal(str(m.value)) * 12 + Decimal(inches.group(1))) * to_cm)
                written = f"{m.written} ft {inches.group(1)} in"
            moves.append(Rebinding(p.name, p.value, new, f"the problem gives {written}; "
                                                         f"in {p.unit} that is {fmt_value(new)}"))
            continue
        # 3 months for [h]: a span of time, though hours and months do not convert
        span = factor is None and _SIZE.get(said[i], ("",))[0] in _SPANS and _SIZE.get(unit, ("",))[0] in _SPANS
        if (factor not in (None, 1) or span) and not theirs and len(free) == 1:
            # "790 CHF for 7 hours of work ... measured 3 months ago" read as ``time_known = 3  # [h]``:
            # the one free number written in the parameter's own unit, not 3 months in hours
            j = free[0]
            new = _value(mentions[j], p)
            moves.append(Rebinding(p.name, p.value, new, f"the problem gives {_as_written(mentions[j], words[j])}; "
                                                         f"{m.written} is in {words[i]}"))
            continue
        mine = clocks[p.name]
        if mine is None or not mine[1] or said[i] != unit:
            continue  # rule 10b: only a rate per unit of time, as the text writes it
        users = [q for q in params if q.name != p.name and clocks[q.name] is not None]
        others = {clocks[q.name][0] for q in users}
        if len(others) != 1 or len(users) < 2 or mine[0] in others:
            continue  # the program counts time in several units, or in this one too
        (clock,) = others
        factor = Decimal(_CLOCK[clock]) / Decimal(_CLOCK[mine[0]])
        new = float(Decimal(str(p.value)) * factor)
        to = f"{p.unit.rsplit('/', 1)[0]}/{clock}"
        moves.append(Rebinding(p.name, p.value, new, f"the program counts time in {clock}; "
                                                     f"{fmt_value(p.value)} {p.unit} is {fmt_value(new)} {to}", unit=to))
    return moves


#: The inches after a number of feet: "5 ft 7 in", "5 feet 7 inches", "5' 7\"".
_FEET_INCHES = re.compile(r"\s*(?:ft\.?|feet|foot|')\s*(?:and\s+)?(\d+(?:\.\d+)?)\s*(?:in\b\.?|inch(?:es)?\b|\"|″)")


def _per_other_unit(program: str, params: list[Parameter]) -> list[Rebinding]:
    """Rule 10d: a parameter used once, multiplied by one given per another unit of its dimension
    (``volume = 1  # [L]`` in ``volume * drop_factor`` with ``drop_factor  # [gtt/mL]``), takes
    its value in that unit (1000 mL), and its comment says so."""
    try:
        tree = ast.parse(program)
    except SyntaxError:
        return []
    by_name = {p.name: p for p in params}
    loads = [n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)]
    # a product the program converts itself (``t_min * flow_l_h / 60``) is not to be converted again
    converted = {id(n) for op in ast.walk(tree) if isinstance(op, ast.BinOp)
                 and any(isinstance(x, ast.Constant) and x.value not in (0, 1) for x in (op.left, op.right))
                 for n in ast.walk(op)}
    moves = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult)) or id(node) in converted:
            continue
        for a, b in ((node.left, node.right), (node.right, node.left)):
            if not (isinstance(a, ast.Name) and isinstance(b, ast.Name) and a.id in by_name and b.id in by_name):
                continue
            p, q = by_name[a.id], by_name[b.id]
            if _conversion_factor(q.name) is not None:
                continue  # (``kg_per_lb`` converts by its name, whatever its comment says: ``[mg/kg]``)
            have, (_, slash, per) = unit_key(p.unit), unit_key(q.unit).partition("/")
            sizes = _sizes(have, per) if slash and per != have else None
            if sizes is None or loads.count(p.name) != 1 or _scaled(program, p.name) \
                    or any(mv.name == p.name for mv in moves):
                continue
            new = float(Decimal(str(p.value)) * sizes[0] / sizes[1])
            unit = q.unit.partition("/")[2].strip()
            moves.append(Rebinding(p.name, p.value, new, f"{q.name} is per {unit}; {fmt_value(p.value)} {p.unit} "
                                                         f"is {fmt_value(new)} {unit}", unit=unit))
    return moves


def _speed_as_kmh(program: str, params: list[Parameter]) -> list[Rebinding]:
    """Rule 10f: a speed in another unit than km/h whose only use divides it by 3.6
    (``v0 = v0_mph / 3.6`` for "79 mph": the conversion of km/h into m/s, copied from an example
    in km/h) takes its value in km/h (127.138), and its comment says ``[km/h]``."""
    try:
        tree = ast.parse(program)
    except SyntaxError:
        return []
    loads = [n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)]
    moves = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div) and isinstance(node.left, ast.Name)
                and isinstance(node.right, ast.Constant) and node.right.value == 3.6):
            continue
        p = next((x for x in params if x.name == node.left.id), None)
        if p is None or loads.count(p.name) != 1 or isinstance(p.value, list):
            continue
        unit = unit_key(p.unit)
        factor = _factor(unit, "km/h") if unit not in ("km/h", "m/s") else None
        if factor is None:
            continue
        new = float(Decimal(str(p.value)) * factor)
        moves.append(Rebinding(p.name, p.value, new, f"{p.name} is divided by 3.6, as km/h into m/s; "
                                                     f"{fmt_value(p.value)} {p.unit} is {fmt_value(new)} km/h",
                               unit="km/h"))
    return moves


def _per_body_weight(program: str, params: list[Parameter], mentions: list[Mention],
                     said: list[str]) -> list[Rebinding]:
    """Rule 10e: a total (``V = 0.5  # volume of distribution [L]``) holding a number the text
    writes per kilogram ("0.5 L/kg") takes it times the one weight in kg the text gives ("a 70 kg
    man"), where no parameter holds that weight and nothing in the program is per kilogram."""
    weights = [i for i, k in enumerate(said) if k == "kg"]
    if len({mentions[i].value for i in weights}) != 1 or any(
            p.value == float(mentions[weights[0]].value) or unit_key(p.unit).endswith("/kg") for p in params):
        return []
    weight = mentions[weights[0]]
    moves = []
    for p in params:
        unit = unit_key(p.unit)
        if "/" in unit or not is_measure(unit):
            continue
        per_kg = [i for i in _sources(p, mentions) if said[i] == f"{unit}/kg"]
        if len(per_kg) != 1 or _scaled(program, p.name):
            continue
        m = mentions[per_kg[0]]
        new = float(m.value * weight.value)
        moves.append(Rebinding(p.name, p.value, new, f"the problem gives {m.written} {p.unit}/kg and a body weight "
                                                     f"of {weight.written} kg: {fmt_value(new)} {p.unit}"))
    return moves


def _clock(unit: str) -> tuple[str, bool] | None:
    """The unit of time in a (spelled-alike) unit and whether it is a rate's denominator:
    ``mg/min`` -> (min, True), ``h`` -> (h, False), ``1/h`` -> (h, True); None without one, or
    with a power of time (``m/s^2``) or two."""
    parts = re.split(r"([/·])", unit)
    found = [(tok, k > 0 and parts[k - 1] == "/") for k, tok in enumerate(parts) if tok in _CLOCK]
    return found[0] if len(found) == 1 and "^" not in unit else None


def _shared(text: str, params: list[Parameter], mentions: list[Mention], words: list[str],
            said: list[str]) -> list[Rebinding]:
    """Rule 2: one number of the text taken by more parameters of its unit than it is written."""
    sources = {p.name: _sources(p, mentions) for p in params}
    # a number written in a measure of another dimension is not taken by a parameter that holds
    # its value: "3 infectious cases" for ``I0 = 3`` leaves "recovery after 3 days" free
    used = {i for p in params for i in sources[p.name] if not _other_dimension(said[i], unit_key(p.unit))}
    groups: dict[tuple[int, ...], list[Parameter]] = {}
    for p in params:
        if sources.get(p.name):
            groups.setdefault(tuple(sources[p.name]), []).append(p)
    moves = []
    free_all = free_numbers(text, params, mentions)
    for written, group in groups.items():
        if len(group) <= len(written):
            continue  # the text writes this number as often as the program uses it
        counts = [p for p in group if unit_key(p.unit) == "1"]
        owners = [p for p in group if unit_key(p.unit) == said[written[0]]]
        wholes = [j for j in free_all if _count(mentions[j])]
        if len(group) == 2 and len(counts) == 1 and len(owners) == 1 and len(wholes) == 1:
            # "236 tickets cost £4,744 ... £23 apiece" read as total_count = 23 beside
            # price_adult = 23: the number is the price's (its unit), the count takes the one
            # whole number no parameter uses
            p, m = counts[0], mentions[wholes[0]]
            moves.append(Rebinding(p.name, p.value, _value(m, p), f"{_as_written(mentions[written[0]], words[written[0]])} "
                                                         f"is {owners[0].name}'s; {m.written} is the one "
                                                         f"whole number no parameter takes"))
            continue
        yearly = _yearly_split(text, group, written, free_all, mentions)
        if yearly is not None:
            moves.append(yearly)
            continue
        for unit in dict.fromkeys(unit_key(p.unit) for p in group):
            takers = [p for p in group if unit and unit_key(p.unit) == unit]
            # fractions take percentages ("56% after a rainy day but only 20% after a dry day" read
            # as ``p_rain_after_rain = p_rain_after_dry = 0.56``)
            # (and rates in [1/year] that hold a percentage: "yielding 10.1% when inflation is 8%"
            # read as ``nominal = inflation = 0.08``)
            fraction = (unit == "1" or mentions[written[0]].percent) and all(0 < p.value <= 1 for p in takers)
            # (or written as the shared number is: "Plant 1 to Nice 20 euros" for ``[EUR/unit]``)
            alike = said[written[0]] if said[written[0]] and _factor(said[written[0]], unit) is not None else None
            # (or, for a count of things, one written bare: "210 thousand users today ... toward a
            # ceiling of 2,100 at" for ``N0 = K = 210  # [thousand users]``)
            bare = _count_noun(said[written[0]]) and unit.endswith(said[written[0]])
            free = [i for i, u in enumerate(said) if (u == unit or fraction and u == "%" or u == alike
                                                      or bare and (not u or u in _NO_UNIT) and not mentions[i].percent
                                                      and not is_money(text, mentions[i]))
                    and i not in used and not after_per(text, mentions[i])]  # ("per 1,000 dollars": no amount)
            if len(takers) >= 2 and not free:
                # a count the model wrote in the shared number's unit ("485 tickets cost 4,223 CHF"
                # read as ``total_count = total_value = 4223`` with ``total_count  # number of
                # tickets [CHF]``): the one taker whose words name a free count's noun takes it
                counted = [(q, i) for q in takers for i, u in enumerate(said)
                           if i not in used and u and _count(mentions[i]) and not _unit_of_measure(u)
                           and u not in _CURRENCIES and u not in _NO_UNIT and _stems(u) & _count_words(q)
                           and re.search(r"\bcount\b|\bnumber of\b", f"{q.name.replace('_', ' ')} {q.description}")]
                if len(counted) == 1:
                    q, i = counted[0]
                    moves.append(Rebinding(q.name, q.value, _value(mentions[i], q),
                                           f"the problem gives {_as_written(mentions[i], words[i])}, what "
                                           f"{q.name} counts; {mentions[written[0]].written} is taken"))
                continue
            if len(takers) < 2 or len(free) != 1:
                continue
            m = mentions[free[0]]
            fit = [fit_score(_also_named(p), text, m, mentions) for p in takers]
            # the number the question asks about is the one "of interest": "What will it read 48
            # minutes after ...?" for ``t2  # time of interest`` beside ``t1  # time of the second
            # reading`` ("read" fits the reading's words, not its number)
            asked = [q for q in takers if _OF_INTEREST.search(q.description)]
            # (not where the shared number stands in that sentence too: "How many hours until a
            # culture of 1,000 cells ... reaches 10,000?", where the number reached is the one of
            # interest)
            by_question = len(asked) == 1 and _in_question(text, m) \
                and not any(_in_question(text, mentions[i]) for i in written)
            reached = len(asked) == 1 and len(written) == 1 and _in_question(text, m) \
                and _REACHED.search(text, 0, mentions[written[0]].start) is not None
            if by_question:
                fit = [int(q is asked[0]) for q in takers]
            elif reached:
                fit = [int(q is not asked[0]) for q in takers]
            by_order = fit.count(max(fit)) != 1 and _in_order(text, takers, m, mentions[written[0]])
            if by_order:
                fit = by_order
            keeper = None
            rivals = [q for q in params if unit_key(q.unit) == unit and q not in takers
                      and not sources[q.name] and q.value != 0]  # "4 kg box, 2 kg cart" beside m_load = 7
            # (written once in the unit: "$7 is charged per hour" is the rate's, "a fee of $7" theirs)
            once = [i for i in written if said[i] == unit] if len(written) > 1 else list(written)
            if fit.count(max(fit)) != 1 and len(takers) == 2 and len(once) == 1 and not rivals:
                # "at $20.69 each with a variable cost of $10.83" read as price = variable_cost =
                # 10.83: the words around the shared number name one of them, which keeps it, unless
                # a parameter of the unit that holds a value the text does not give may want the free one
                kept = [fit_score(_also_named(q), text, mentions[once[0]], mentions) for q in takers]
                if kept.count(max(kept)) == 1:
                    keeper = takers[kept.index(max(kept))]
                    fit = [int(q is not keeper) for q in takers]
            if fit.count(max(fit)) != 1:
                continue  # the words around the free number do not single one out
            if said[free[0]] != unit and not (fraction and said[free[0]] == "%") and said[free[0]] != alike \
                    and keeper is None:
                continue  # a bare number goes only where the shared one's words name its keeper
            p = takers[fit.index(max(fit))]
            why = ("the text lists the numbers in the order of the parameters' indices" if by_order
                   else f"{mentions[written[0]].written} is the value reached, {asked[0].name}'s" if reached
                   else f"the words around {mentions[written[0]].written} are {keeper.name}'s" if keeper
                   else "the question asks about it" if by_question else f"{p.name} matches its words")
            moves.append(Rebinding(p.name, p.value, _value(m, p), f"the problem gives {_as_written(m, words[free[0]])} "
                                                         f"and {why}; {mentions[written[0]].written} is taken"))
    return moves


def _in_order(text: str, takers: list[Parameter], free: Mention, taken: Mention) -> list[int] | None:
    """Rule 2, by order: two parameters that differ only by an index (``S1_0``, ``S2_0``) share a
    number that the text lists right beside the free one ("they start with 18.8 and 6.2 kg" read
    as 6.2 and 6.2): the text lists them in the indices' order, so the lower index takes the
    first number. A score per taker (1 for the one that takes ``free``), or None."""
    if len(takers) != 2:
        return None
    first, second = sorted((free, taken), key=lambda m: m.start)
    if not _LISTED.fullmatch(text, first.end, second.start):
        return None
    indices = _indexed(*takers)
    if indices is None:
        return None
    low = 0 if indices[0] < indices[1] else 1
    gets = low if free is first else 1 - low
    return [int(k == gets) for k in range(2)]


#: A number reached, right after its verb: "until ... reaches 10,000", "climbs to 40 °C".
_REACHED = re.compile(r"\b(?:reach(?:es|ed)?|hits?|exceeds?|(?:grows?|rises?|climbs?|falls?|drops?|declines?|"
                      r"shrinks?|gets?) to)\s+(?:about\s+|roughly\s+)?[$€£]?$", re.IGNORECASE)
#: A parameter's description that names the value the question asks about.
_OF_INTEREST = re.compile(r"\bof interest\b|\basked\b|\bqueried\b|\bin question\b", re.IGNORECASE)


#: A parameter that holds what the question asks about: the time or value "of interest", the
#: simulated period, the horizon.
#: Where a question's conditions begin: "..., if it was 37,100 people in 2005", "given that", or
#: a relative clause that tells what happened before ("What is the expected count after 5 days
#: for a duckweed mat that grows exponentially from 2,000 fronds at t = 1 d to ...?").
_ASK_CONDITIONS = re.compile(r",?\s+(?:if|given|assuming|provided)\b|\s(?:that|which)\s+(?:(?:has|had|have)\s+)?"
                             r"(?:grows?|grew|grown|decays?|decayed|fall(?:s|en)?|fell|rises?|rose|risen|declines?|"
                             r"declined|increase[sd]?|decrease[sd]?|doubled?|doubles|start(?:s|ed)?|beg[ia]ns?|went|goes|"
                             r"cools?|cooled|warm(?:s|ed)?)\b", re.IGNORECASE)
_QUERY = re.compile(_OF_INTEREST.pattern + r"|\bsimulated\b|\bsimulation\b|\bhorizon\b", re.IGNORECASE)
#: A point in time written with its unit first: "on day 61", "in week 3", "by year 10".
_UNIT_BEFORE = re.compile(r"\b(day|week|month|year|hour|minute)\s+$", re.IGNORECASE)


#: A sentence that asks for something without a question mark: "Scale this up to 130 cookies and
#: report the amount of flour." ("Chen has 14 years of field experience." asks nothing).
_REQUEST = re.compile(r"\b(?:find|compute|calculate|determine|give|state|estimate|work out|report|predict|"
                      r"evaluate|solve|express)\b", re.IGNORECASE)


def _asked_number(text: str, params: list[Parameter], mentions: list[Mention], said: list[str]) -> list[Rebinding]:
    """Rule 2, the question's number: the one parameter of a unit described as what the question
    asks about (``days = 8  # simulated period [day]``, ``t2  # time of interest``) that holds
    another number than the one number the question's sentence writes in its unit ("What is the
    number of infectious people on day 61 ...?", "during the first 180 days", "(simulate 300
    days)") takes that number: where no parameter takes it, if its own value is not in the
    question's sentence; where one other parameter of the unit takes it (``incubation_days =
    61``), the two trade. Not where its own number stands in the question's sentence too. The
    question's sentence ends in "?" or asks for something ("Scale this up or down to 130 cookies
    and report the amount of flour.")."""
    ask = question_of(text).rstrip()
    if not (ask.endswith("?") or _REQUEST.search(ask)):
        return []  # no question nor request: the last sentence may be a stray one
    sources = {p.name: _sources(p, mentions) for p in params}
    units = {p.name: unit_key(p.unit) for p in params}
    # a number's unit, or the unit written before it: "on day 61" is in days
    before = [_UNIT_BEFORE.search(text[max(0, m.start - 12):m.start]) for m in mentions]
    unit_of = [unit_key(b.group(1)) if b else u for b, u in zip(before, said, strict=True)]
    asked = [_in_question(text, m) for m in mentions]
    at = text.rfind(ask.strip())
    found = _ASK_CONDITIONS.search(ask.strip())
    cond = at + found.start() if at >= 0 and found is not None else None
    moves = []
    for unit in sorted({u for u in units.values() if u and u != "1"}):
        group = [p for p in params if units[p.name] == unit]
        asks = [p for p in group if _QUERY.search(p.description)]
        if len(asks) != 1:
            continue
        q = asks[0]
        here = [i for i, m in enumerate(mentions) if m.value != 0 and asked[i] and unit_of[i] == unit]
        mine = asked
        if len(here) > 1 and cond is not None:
            # a question that gives its data in its conditions ("In which year will it reach 78,000
            # people, if it was 37,100 people in 2005 and ...?"): the number before them is asked
            mine = [a and m.start < cond for a, m in zip(asked, mentions, strict=True)]
            here = [i for i in here if mine[i]]
        if len(here) != 1 or here[0] in sources[q.name] or any(mine[j] for j in sources[q.name]) or any(
                mine[j] and m.scale != 1 and math.isclose(q.value, float(m.value), rel_tol=1e-9)
                for j, m in enumerate(mentions)):
            # (q's own number standing in the question too: "How many years until a town of 27,800
            # people ... reaches 83,400?" has both; which is asked is not clear; so is one without
            # its scale word, ``N_target = 15.4`` for "reaches 15.4 million?")
            continue
        i = here[0]
        m = mentions[i]
        holders = [p for p in params if i in sources[p.name]]
        if not holders:
            moves.append(Rebinding(q.name, q.value, _value(m, q), f"the question's number in {unit} is {m.written}"))
        elif len(holders) == 1 and holders[0] in group and sources[holders[0].name] == [i]:
            p = holders[0]
            if sources[q.name]:
                value, why = q.value, f"{m.written} is the question's, {q.name}'s"
            else:
                # q's own value is none of the text's (``days = 365``): p takes the one free
                # number of the unit, or nothing moves
                taken = {j for r in group for j in sources[r.name]}
                free = [j for j, o in enumerate(mentions) if j not in taken and j != i and o.value != 0
                        and unit_of[j] == unit and not after_per(text, o)]
                if len(free) != 1:
                    continue
                value = _value(mentions[free[0]], p)
                why = (f"{m.written} is the question's, {q.name}'s; its one free number in {unit} is "
                       f"{mentions[free[0]].written}")
            moves += [Rebinding(q.name, q.value, _value(m, q), f"the question's number in {unit} is {m.written}"),
                      Rebinding(p.name, p.value, value, why)]
    return moves


def _in_question(text: str, m: Mention) -> bool:
    """Whether a number stands in the sentence that asks the question."""
    q = question_of(text)
    at = text.rfind(q) if q else -1
    return at >= 0 and at <= m.start < at + len(q)


#: Words that make a percentage a rate per year: "3.5% a year", "4% annually", "2% p.a.".
_PER_YEAR_AFTER = re.compile(r"\s*(?:%|percent\b)?\s*(?:(?:a|per|each|every)\s+(?:year|annum)\b|annually\b|yearly\b|p\.\s?a\.|"
                             r"per\s+annum\b|annual\b)", re.IGNORECASE)
#: ... or before it: "an annual rate of 3.5%", "annual interest of 4%".
_PER_YEAR_BEFORE = re.compile(r"\b(?:annual|yearly)\b[\w\s]{0,25}?\b(?:of|at|is)\s*$", re.IGNORECASE)


def _per_year(text: str, m: Mention) -> bool:
    """Whether the text writes a percentage as a rate per year."""
    return bool(_PER_YEAR_AFTER.match(text, m.end) or _PER_YEAR_BEFORE.search(text[max(0, m.start - 40):m.start]))


def _yearly_split(text: str, group: list[Parameter], written: tuple[int, ...], free: list[int],
                  mentions: list[Mention]) -> Rebinding | None:
    """Rule 2 for a percentage taken by a rate per year and another parameter ("5% of which is
    paid up front ... at 3.5% a year" read as ``down_fraction = 0.035`` beside ``rate = 0.035
    # [1/year]``): of that percentage and the one free percentage, exactly one is written as a
    rate per year; the rate keeps (or takes) that one, the other parameter the other."""
    if len(group) != 2 or len(written) != 1 or not mentions[written[0]].percent:
        return None
    rates = [p for p in group if unit_key(p.unit) in {"1/year", "1/yr", "%/year"}]
    pcts = [j for j in free if mentions[j].percent and not after_per(text, mentions[j])]
    if len(rates) != 1 or len(pcts) != 1:
        return None
    (rate,) = rates
    (other,) = [p for p in group if p is not rate]
    if not _written_in("%", unit_key(other.unit), other.value) and not unit_is_percent(other):
        return None  # the other parameter takes no percentage
    here, there = mentions[written[0]], mentions[pcts[0]]
    shared_yearly = _per_year(text, here)
    if shared_yearly == _per_year(text, there):
        return None  # both or neither written per year: which is whose is not clear
    mover, m = (other, there) if shared_yearly else (rate, there)
    return Rebinding(mover.name, mover.value, _value(m, mover),
                     f"{here.written}% is {'a rate per year' if mover is other else 'no rate per year'}, "
                     f"{(rate if mover is other else other).name}'s; {m.written}% is the one free percentage")


#: Rule 4's evidence: the least fit of the free number, and its least lead over the taken one.
BESIDE_MIN_FIT = 3
BESIDE_MARGIN = 2


def _beside(text: str, params: list[Parameter], mentions: list[Mention], said: list[str]) -> list[Rebinding]:
    """Rule 4: a number no parameter uses, with one parameter's words around it, written in
    that parameter's unit (or the parameter has none: a count)."""
    sources = {p.name: _sources(p, mentions) for p in params}
    free = free_numbers(text, params, mentions)
    fit = {(j, p.name): fit_score(p, text, mentions[j], mentions, sentence=True) for j in free for p in params}
    moves: dict[str, Rebinding] = {}
    for j in free:
        m = mentions[j]
        fits = [fit[j, p.name] for p in params]
        best = max(fits)
        if best < BESIDE_MIN_FIT or fits.count(best) != 1:
            continue  # too few of its words, or two parameters fit it alike
        p = params[fits.index(best)]
        if any(fit[i, p.name] > best - BESIDE_MARGIN for i in free if i != j):
            continue  # "a 2 kg and a 3 kg mass": another free number fits it almost as well
        if unit_key(p.unit) not in {said[j], "", "1"}:
            continue  # "The barometer read 998 hPa at the time" is no time of a reading in [min]
        if not sources[p.name] or p.name in moves:
            continue  # a value the text does not give is rule 3's; one move per parameter
        taken = max(fit_score(p, text, mentions[i], mentions, sentence=True) for i in sources[p.name])
        if best >= taken + BESIDE_MARGIN:
            moves[p.name] = Rebinding(p.name, p.value, _value(m, p),
                                      f"the words of {p.name} are beside {m.written} ({best} against {taken} "
                                      f"beside the {mentions[sources[p.name][0]].written} it took)")
    return list(moves.values())


_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
#: One term of a polynomial as texts write it: "0.05t²", "3t^2", "4x", "t", "12" (a bare "a" or
#: "i" is a word, and "x'" a derivative).
_TERM = rf"(?:{_NUM}·?)?(?:[b-hj-z]|(?<=[\d·])[ai])(?:\^\d|[²³])?(?![\w('’])|{_NUM}(?!\d|[.,]\d|·|[a-z('’])"
#: Two or more terms joined by + or - (an optional leading sign), in one variable, not inside
#: a bracket that multiplies ("17(p − 31)").
_POLY = re.compile(rf"(?<![\w.^·])(?<![\w·]\()([-−]\s*)?(?:{_TERM})(?:\s*[-+−]\s*(?:{_TERM}))+(?![·(])")
_COEF_OF = re.compile(r"^(?:coefficient of ([a-z])(?:\^(\d))?|constant term)(?: of (\w+))?\b")
_POWERS = {"²": 2, "³": 3}


def polynomials(text: str) -> list[tuple[str, str, dict[int, float]]]:
    """The polynomials a text writes in one variable: (name it is given or "", variable,
    {power: coefficient}); "V(t) = 0.02t³ − 0.28t² + 4t + 427" gives ("V", "t", {3: 0.02,
    2: -0.28, 1: 4.0, 0: 427.0})."""
    out = []
    for m in _POLY.finditer(text):
        variables: set[str] = set()
        coef: dict[int, float] = {}
        for sign, num, var, power in re.findall(rf"([-+−]?)\s*({_NUM})?\s*·?\s*([a-z]?)(\^\d|[²³])?(?![\d.,])",
                                                m.group(0)):
            if not num and not var:
                continue
            k = 0 if not var else (_POWERS[power] if power in _POWERS else int(power[1:]) if power else 1)
            if var:
                variables.add(var)
            if k in coef:
                break  # "x + x": not a polynomial in normal form
            coef[k] = (-1 if sign in "-−" and sign else 1) * (float(num.replace(",", "")) if num else 1.0)
        else:
            if len(variables) == 1 and max(coef) >= 1:
                head = re.search(r"(\w+)\s*(?:\(\s*[a-z]\s*\))?\s*=\s*$", text[:m.start()])
                out.append((head.group(1) if head else "", variables.pop(), coef))
    return out


def _coefficients(text: str, params: list[Parameter]) -> list[Rebinding]:
    """Rule 5: a "coefficient of t^2" parameter takes that coefficient of the text's polynomial."""
    polys = None
    moves = []
    for p in params:
        m = _COEF_OF.match(p.description.strip().lower())
        if not m:
            continue
        polys = polynomials(text) if polys is None else polys
        var, power, of = m.group(1), int(m.group(2) or (1 if m.group(1) else 0)), m.group(3)
        found = [c for name, v, c in polys if (var is None or v == var) and (of is None or name.lower() == of)]
        if len(found) != 1 and of is not None:
            found = [c for name, v, c in polys if var is None or v == var]  # "of V" written "y = ..."
        if len(found) != 1:
            continue  # no polynomial in that variable, or several: the model's choice stands
        new = found[0].get(power, 0.0)
        if not math.isclose(new, p.value, rel_tol=1e-9, abs_tol=1e-12):
            moves.append(Rebinding(p.name, p.value, new, f"the problem's polynomial has {fmt_value(new)} as its "
                                                         f"{p.description.strip()}"))
    return moves


#: A rate equation the text writes: "dx/dt = 0.55x - 0.01xy", its right-hand side a sum of
#: terms (a number, up to three one-letter variables), ending where anything else begins: a
#: bracket, a power or a quotient end it unread ("dP/dt = 0.3P(1 - P/500)").
_RATE_NUM = r"(?:\d[\d,]*(?:\.\d+)?|\.\d+)(?![\d.])"
_TERM_RE = rf"(?:{_RATE_NUM}(?:\s*[·*]\s*)?[A-Za-z]{{0,3}}|[A-Za-z]{{1,3}})(?![A-Za-z\d])"
_RATE_EQUATION = re.compile(rf"\bd(?P<v>[A-Za-z])\s*/\s*dt\s*=\s*(?P<rhs>[-−]?\s*{_TERM_RE}(?:\s*[-−+]\s*{_TERM_RE})*)"
                            r"(?![(/^*·²³.\w])(?=\s*(?:[,;?(]|\.(?:\s|$)|$|\b(?:and|with|for|where|when|if|starting|from|"
                            r"in|on|at|over|given|per)\b))")
_RATE_TERM = re.compile(r"(?P<num>\d[\d,]*(?:\.\d+)?|\.\d+)?\s*[·*]?\s*(?P<vars>[A-Za-z]*)")


def rate_equations(text: str) -> list[tuple[str, dict[tuple[str, ...], float]]]:
    """The rate equations a text writes with polynomial right-hand sides: "dx/dt = 0.55x -
    0.01xy, dy/dt = 0.0091xy - 0.99y" gives ``[("x", {("x",): 0.55, ("x", "y"): -0.01}), ("y",
    {("x", "y"): 0.0091, ("y",): -0.99})]`` (each term's variables sorted, one letter each)."""
    out = []
    for m in _RATE_EQUATION.finditer(text):
        rhs = m["rhs"].replace("\u2212", "-").strip()
        terms: dict[tuple[str, ...], float] = {}
        for sign, body in re.findall(r"([-+]?)\s*([^-+]+)", rhs):
            t = _RATE_TERM.fullmatch(body.strip())
            if t is None or not (t["num"] or t["vars"]) or tuple(sorted(t["vars"])) in terms:
                break  # a power, a bracket, a word: not a polynomial this rule reads
            value = float(t["num"].replace(",", "")) if t["num"] else 1.0
            terms[tuple(sorted(t["vars"]))] = -value if sign == "-" else value
        else:
            if terms:
                out.append((m["v"], terms))
    return out


def _signed_terms(node: ast.expr, sign: float) -> list[tuple[float, ast.expr]]:
    """The terms of a sum or difference, each with its sign: ``a * x - b * x * y`` gives
    ``[(1, a * x), (-1, b * x * y)]``."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)):
        return _signed_terms(node.left, sign) + _signed_terms(node.right, -sign if isinstance(node.op, ast.Sub) else sign)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return _signed_terms(node.operand, -sign)
    return [(sign, node)]


def _program_rates(program: str) -> list[tuple[str, dict[tuple[str, ...], tuple[str, float]]]] | None:
    """The rate equations of a program's right-hand-side function (``x, y = z`` then ``return
    [alpha * x - beta * x * y, ...]``): per state, each term's state variables and the one
    parameter it is multiplied by, with the term's sign and constant factor. None where the
    function is not of that form (a bracketed sum in a term, two parameters in one term)."""
    try:
        tree = ast.parse(program)
    except SyntaxError:
        return None
    for fn in (n for n in tree.body if isinstance(n, ast.FunctionDef)):
        states = next((t.elts for st in fn.body if isinstance(st, ast.Assign) and len(st.targets) == 1
                       and isinstance(t := st.targets[0], ast.Tuple) and all(isinstance(e, ast.Name) for e in t.elts)),
                      None)
        ret = next((st.value for st in fn.body if isinstance(st, ast.Return)), None)
        if states is None or not isinstance(ret, (ast.List, ast.Tuple)) or len(ret.elts) != len(states):
            continue
        names = [e.id for e in states]
        out = []
        for name, expr in zip(names, ret.elts, strict=True):
            rates: dict[tuple[str, ...], tuple[str, float]] = {}
            for sign, node in _signed_terms(expr, 1.0):
                factors: list[ast.expr] = []
                stack = [node]
                while stack:
                    f = stack.pop()
                    if isinstance(f, ast.BinOp) and isinstance(f.op, ast.Mult):
                        stack += [f.left, f.right]
                    else:
                        factors.append(f)
                const, param, mono = sign, [], []
                for f in factors:
                    if isinstance(f, ast.Constant) and isinstance(f.value, (int, float)):
                        const *= f.value
                    elif isinstance(f, ast.Name) and f.id in names:
                        mono.append(f.id)
                    elif isinstance(f, ast.Name):
                        param.append(f.id)
                    else:
                        return None  # "r * x * (1 - x / K)": not a sum of products
                key = tuple(sorted(mono))
                if len(param) != 1 or key in rates:
                    return None
                rates[key] = (param[0], const)
            out.append((name, rates))
        return out
    return None


def _rates_written(text: str, program: str, params: list[Parameter]) -> list[Rebinding]:
    """Rule 5, rate equations: where the text writes the model's rate equations ("dx/dt = 0.55x
    - 0.01xy, dy/dt = 0.0091xy - 0.99y") and the program's right-hand side has the same terms,
    each a parameter times the state variables (``alpha * x - beta * x * y``), each parameter
    takes its term's coefficient (``alpha = 0.55``; a small model keeps the example's)."""
    written = rate_equations(text)
    mine = _program_rates(program) if written else None
    if not mine or len(written) != len(mine):
        return []
    # the text's variables are the program's by name ("dx/dt" for ``x``) or else by order
    same = {v for v, _ in written} == {n for n, _ in mine}
    rename = {v: v for v, _ in written} if same else {v: n for (v, _), (n, _) in zip(written, mine, strict=True)}
    by_state = {n: rates for n, rates in mine}
    values = {p.name: p for p in params}
    new: dict[str, float | None] = {}
    for v, terms in written:
        rates = by_state.get(rename[v])
        got = {tuple(sorted(rename.get(c, c) for c in key)): c for key, c in terms.items()}
        if rates is None or set(got) != set(rates):
            return []  # other terms than the program's: another model, nothing to read
        for key, coef in got.items():
            name, const = rates[key]
            if name not in values:
                continue
            value = coef / const
            new[name] = value if new.get(name, value) == value else None  # two coefficients: unclear
    return [Rebinding(n, values[n].value, v, f"the problem's rate equations give {n} = {fmt_value(v)}")
            for n, v in new.items() if v is not None and not math.isclose(v, values[n].value, rel_tol=1e-9)]


#: A price step and the change in sales it brings, in one clause: "Raising the price of its
#: tickets by $1 makes a theatre sell 25 fewer of them", "for every 2 euros less, 30 more are sold".
_PRICE_STEP = re.compile(r"\b(?:rais|increas|lower|cut|reduc|add|drop|each|every)\w*\b[^.;?]{0,40}?(?:[$€£]\s*)?"
                         r"(?P<step>\d+(?:\.\d+)?)(?!\s*%)[^.;?\d]{0,60}?\b(?P<n>\d[\d,]*)\s+(?:fewer|more|less)\b",
                         re.IGNORECASE)


def _price_step(text: str, params: list[Parameter], mentions: list[Mention], said: list[str]) -> list[Rebinding]:
    """Rule 5, sales per unit of price: a parameter counting sales per unit of money (``drop  #
    sales lost per 1 USD price increase [1/USD]``) takes the change in sales over the price step
    the text gives ("by $1 ... 25 fewer": 25), and a count holding that change's number
    (``sales0 = 25  # current sales``) takes the one whole number no parameter holds, no amount
    of money and no measure ("sells 170 a night", not "21 °C")."""
    steps = {(Decimal(m["step"]), Decimal(m["n"].replace(",", ""))) for m in _PRICE_STEP.finditer(text)}
    rate = [p for p in params if (u := unit_key(p.unit)).startswith("1/") and u[2:] in _CURRENCIES]
    if len(steps) != 1 or len(rate) != 1:
        return []
    (step, n), p = steps.pop(), rate[0]
    new = float(n / step)
    moves = [] if math.isclose(new, p.value, rel_tol=1e-9) else [
        Rebinding(p.name, p.value, new, f"the problem gives {n:,} sales per {step:,} of price")]
    holders = [q for q in params if q is not p and unit_key(q.unit) in {"", "1"}
               and math.isclose(q.value, float(n), rel_tol=1e-9)]
    if len(holders) == 1:
        q = holders[0]
        taken = {i for r in params if r is not q and r is not p for i in _sources(r, mentions)}
        free = [i for i, m in enumerate(mentions) if i not in taken and _count(m) and not is_money(text, m)
                and not (is_measure(said[i]) and said[i] != "a") and said[i] not in _TEMPERATURES
                and m.value not in (n, step)]  # "21 °C" is no sales ("570 a night" no ampere)
        if len(free) == 1:
            moves.append(Rebinding(q.name, q.value, _value(mentions[free[0]], q),
                                   f"{n:,} is the change in sales; {mentions[free[0]].written} is the one whole "
                                   f"number left"))
    return moves


def _labelled(text: str, params: list[Parameter]) -> list[Rebinding]:
    """Rule 8: a parameter whose description names a label in brackets (``need_5 = 10  # nurses
    required in period 5 (16-20)``) takes the number the text writes right after that label
    and a colon or equals sign ("16-20: 2"), when the text writes the label so exactly once."""
    moves = []
    for p in params:
        label = re.search(r"\(([^()]*\w[^()]*)\)", p.description)
        if not label or len(label.group(1).strip()) < 2:
            continue
        found = list(re.finditer(rf"(?<![\w.-]){re.escape(label.group(1).strip())}\s*[:=]\s*", text))
        if len(found) != 1:
            continue  # no such label in the text, or several: the model's choice stands
        number = next(iter(find_numbers(text[found[0].end():found[0].end() + 40])), None)
        if number is None or number.word or number.start != 0:
            continue  # the label is followed by words, not by its number
        new = float(number.value) * (0.01 if number.percent and not unit_is_percent(p) else number.scale)
        if not math.isclose(new, p.value, rel_tol=1e-9):
            moves.append(Rebinding(p.name, p.value, new,
                                   f"the problem writes {label.group(1).strip()}: {number.written}"))
    return moves


#: A parameter that counts how many times a year: ``periods_per_year  # compounding periods per year``.
_PER_YEAR_COUNT = re.compile(r"\b(?:periods?|times|payments?|instal+ments?|compoundings?)[\s_]+(?:\w+[\s_]+)?"
                             r"(?:per|a|each)[\s_]+(?:year|annum)\b", re.IGNORECASE)


def _per_year_counts(text: str, params: list[Parameter]) -> list[Rebinding]:
    """Rule 14: the one parameter that counts compounding periods a year (``periods_per_year  #
    compounding periods per year [1/year]``) takes the count the text gives in words, when it
    gives exactly one ("compounded quarterly": 4; "credited every three months": 4)."""
    targets = [p for p in params if _PER_YEAR_COUNT.search(f"{p.name} {p.description}")
               and unit_key(p.unit) in {"1/year", "1", ""}]
    found = frequencies(text)
    if len(targets) != 1 or len(found) != 1:
        return []
    (p,), (n,) = targets, found
    if p.value == n:
        return []
    said = "once a year" if n == 1 else f"{n} times a year"
    return [Rebinding(p.name, p.value, float(n), f"the problem says {said} in words")]


#: A text that leaves the starting amount open: "The starting amount does not matter.", "for any
#: initial deposit".
_ANY_AMOUNT = re.compile(r"\b(?:starting|initial|original)\s+(?:amount|sum|investment|deposit|balance|principal|value)"
                         r"\s+(?:does\s+not|doesn't|do\s+not)\s+matter\b|\bany\s+(?:starting\s+|initial\s+)?"
                         r"(?:amount|sum|deposit|investment)\b|\bwhatever\s+(?:the\s+)?(?:starting|initial)\s+amount\b",
                         re.IGNORECASE)
#: A multiple written in words: "double", "twice", "three times", "threefold", "quadruples".
_MULTIPLES = {
    2: r"doubl\w*|twice|two times|twofold|two-fold|2-fold",
    3: r"tripl\w*|trebl\w*|three times|threefold|three-fold|3-fold",
    4: r"quadrupl\w*|four times|fourfold|four-fold|4-fold",
    5: r"five times|fivefold|five-fold|5-fold",
    10: r"ten times|tenfold|ten-fold|10-fold",
}
# (not how often: "twice a day", "three times per week")
_MULTIPLE = {n: re.compile(rf"\b(?:{words})\b(?!\s+(?:a|an|per|each|every|daily|weekly)\b)", re.IGNORECASE)
             for n, words in _MULTIPLES.items()}


def multiples(text: str) -> set[int]:
    """The multiples the text writes in words (2 for "doubled", 3 for "three times")."""
    return {n for n, pattern in _MULTIPLE.items() if pattern.search(text)}


_START_AMOUNT = re.compile(r"\b(?:principal|initial|start\w*|deposit\w*|invest\w*|present)\b", re.IGNORECASE)
_END_AMOUNT = re.compile(r"\b(?:target|goal|final|future|doubled|tripled|end)\b", re.IGNORECASE)


def _any_amount(text: str, params: list[Parameter], mentions: list[Mention]) -> list[Rebinding]:
    """Rule 3, an amount the text leaves open ("With 4% annual interest compounded once a year,
    how many full years are needed until it has at least doubled? The starting amount does not
    matter."): where the text gives no amount of money and says the start does not matter, the
    one amount of money named for the start (``principal = 4  # [GBP]``, from "4%") is 1 and the
    one named for the end (``target``) the multiple the text asks (2 for "doubled")."""
    if not _ANY_AMOUNT.search(text) or any(is_money(text, m) for m in mentions):
        return []
    grows = sorted(multiples(text))
    money = [p for p in params if currency_of(unit_key(p.unit)) == unit_key(p.unit) and unit_key(p.unit)]
    starts = [p for p in money if _START_AMOUNT.search(_named_by(p)) and not _END_AMOUNT.search(_named_by(p))]
    ends = [p for p in money if _END_AMOUNT.search(_named_by(p)) and p not in starts]
    if len(grows) != 1 or len(starts) != 1 or len(ends) > 1:
        return []
    moves = []
    if starts[0].value != 1:
        moves.append(Rebinding(starts[0].name, starts[0].value, 1.0, "the problem says the starting amount does not "
                                                                     "matter: 1"))
    if ends and ends[0].value != grows[0]:
        moves.append(Rebinding(ends[0].name, ends[0].value, float(grows[0]), f"{grows[0]} times the starting amount "
                                                                             f"of 1"))
    return moves


#: A parameter that counts how many times a month: ``periods_per_month  # compounding periods per month``.
_PER_MONTH_COUNT = re.compile(r"\b(?:periods?|times|compoundings?)[\s_]+(?:\w+[\s_]+)?(?:per|a|each)[\s_]+(?:month|week)\b",
                              re.IGNORECASE)


def _per_month_counts(text: str, params: list[Parameter], mentions: list[Mention], said: list[str]) -> list[Rebinding]:
    """Rule 14, a month's count for a year's: the one parameter that counts compounding periods a
    month (``periods_per_month = 6  # [1/month]`` for "with interest added every six months"),
    in a program with an annual rate (``[1/year]``), where the text gives one count a year in
    words and it is not 12: it takes that count a year (2), and its comment that unit; a span in
    months that is a number of years the text writes (``years = 108  # [month]`` for "after 9
    years") takes the years as written, and their unit, so the two count alike."""
    targets = [p for p in params if _PER_MONTH_COUNT.search(f"{p.name} {p.description}")
               and unit_key(p.unit) in {"1/month", "1/week", "1", ""}]
    found = frequencies(text)
    if len(targets) == 1 and found == {12}:
        return _monthly_count(targets[0], params, mentions, said)
    if len(targets) != 1 or len(found) != 1 or next(iter(found)) == 12 \
            or not any(unit_key(q.unit) == "1/year" for q in params):
        return []
    (p,), (n,) = targets, found
    said_n = "once a year" if n == 1 else f"{n} times a year"
    moves = [Rebinding(p.name, p.value, float(n), f"the problem says {said_n} in words; the rate is a year's",
                       unit="1/year")]
    for q in params:
        if unit_key(q.unit) != "month":
            continue
        years = [m for i, m in enumerate(mentions) if said[i] == "year" and not m.percent
                 and q.value in (float(m.value), 12 * float(m.value))]
        if len(years) == 1:
            moves.append(Rebinding(q.name, q.value, float(years[0].value),
                                   f"the problem gives {years[0].written} years, and {p.name} counts a year", unit="year"))
    return moves


def _monthly_count(p: Parameter, params: list[Parameter], mentions: list[Mention], said: list[str]) -> list[Rebinding]:
    """Rule 14 for monthly interest: the count a month holding the span in months ("Over 120
    months ... 5.5% annually, with the interest added monthly" read as ``periods_per_month = 120``
    beside ``years = 120  # [month]``) is 12 a year, and the span its years (10), so that the
    program's ``rate / periods * (periods * years)`` counts alike. Only where the two hold the
    one number the text writes in months and the rate is a year's."""
    # (the span holding the months too, or the 12 of the shown example: "years = 12  # [month]")
    annual = any(unit_key(q.unit) == "1/year" or re.search(r"\bannual|\byearly|\ba year\b", q.description)
                 for q in params if q is not p and not q.name.startswith("period"))
    if p.value == 12 and annual:
        # 12 a "month" beside the span in months ("Over 18 months ... 5% annually, with the
        # interest added monthly" read as ``periods_per_month = 12``, ``years = 18  # [month]``):
        # the 12 counts a year, so the span is its years (1.5)
        held = [(q, m) for q in params for i, m in enumerate(mentions)
                if q is not p and unit_key(q.unit) == "month" and said[i] == "month" and float(m.value) == q.value]
        if len(held) != 1 or held[0][0].value == 12:
            return []
        q, m = held[0]
        return [Rebinding(p.name, p.value, 12.0, "its 12 count a year: the problem says monthly, and the rate is a year's",
                          unit="1/year"),
                Rebinding(q.name, q.value, q.value / 12, f"the problem gives {m.written} months, and {p.name} "
                                                         "counts a year", unit="year")]
    months = [m for i, m in enumerate(mentions) if said[i] == "month" and float(m.value) == p.value]
    spans = [q for q in params if unit_key(q.unit) == "month" and q is not p and q.value in (p.value, 12)]
    if len(spans) != 1 or len(months) != 1 or not annual or p.value in (1, 12):
        return []
    q = spans[0]
    return [Rebinding(p.name, p.value, 12.0, f"the problem says monthly; {fmt_value(p.value)} is the span in "
                                             "months, and the rate is a year's", unit="1/year"),
            Rebinding(q.name, q.value, p.value / 12, f"the problem gives {months[0].written} months, and {p.name} "
                                                     "counts a year", unit="year")]


_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(" + "|".join(_DAYS) + r")\b", re.IGNORECASE)
#: "today (Sunday)", "today, Sunday,", "today is Sunday", "Sunday today", "it is Sunday".
_TODAY = re.compile(r"\btoday\s*(?:\(|,|is|was)?\s*(?P<a>" + "|".join(_DAYS) + r")\b|\b(?P<b>"
                    + "|".join(_DAYS) + r")\s*\)?\s*(?:,\s*)?today\b|\b(?:it is|it's) (?P<c>" + "|".join(_DAYS)
                    + r")\b", re.IGNORECASE)


#: The weather of a weekday given as a chain's start, before the question: "It is raining on
#: Monday.", "Monday is dry.", "It rained on Monday".
_STATE_ON = re.compile(r"\b(?:it is|it's|it was)\s+(?:raining|rainy|dry|wet|sunny|snowing|cloudy|fine)\s+(?:on|this)\s+"
                       r"(?P<d>" + "|".join(_DAYS) + r")\b|\b(?P<e>" + "|".join(_DAYS) + r")\s+(?:is|was)\s+"
                       r"(?:rainy|dry|wet|sunny|cloudy|fine)\b|\bit\s+(?:rains|rained)\s+on\s+(?P<f>"
                       + "|".join(_DAYS) + r")\b", re.IGNORECASE)


def _weekdays(text: str, params: list[Parameter]) -> list[Rebinding]:
    """Rule 11: a number of days ahead the text gives as two weekdays ("today (Sunday) is dry
    ... rain on Tuesday" for ``days = 23  # number of days ahead (Sunday -> Tuesday) [day]``):
    the one parameter in days described as days ahead takes the count from today's weekday to
    the other one the text names (a week for the same weekday). Where the text calls no weekday
    today, the one whose weather it gives before the question is the start ("It is raining on
    Monday. What is the probability that it rains on Thursday?")."""
    today = {(m["a"] or m["b"] or m["c"]).lower() for m in _TODAY.finditer(text)}
    if not today:
        ask = question_of(text)
        at = text.rfind(ask) if ask else -1
        today = {(m["d"] or m["e"] or m["f"]).lower() for m in _STATE_ON.finditer(text[:at] if at > 0 else "")}
    named = {w.lower() for w in _WEEKDAY.findall(text)}
    if len(today) != 1 or len(named) != 2:
        return []
    (start,) = today
    (end,) = named - today
    ahead = (_DAYS.index(end) - _DAYS.index(start)) % 7 or 7
    takers = [p for p in params if unit_key(p.unit) == "day" and re.search(r"\bdays? ahead\b", p.description)]
    if len(takers) != 1 or takers[0].value == ahead:
        return []
    p = takers[0]
    return [Rebinding(p.name, p.value, float(ahead), f"today is {start.title()} and the question is about "
                                                     f"{end.title()}: {ahead} days ahead")]


#: "8 teachers and 7 students, 2 and 4 respectively": items with a number each, then one more
#: number each, in their order.
_RESPECTIVE = re.compile(r"\brespectively\b", re.IGNORECASE)


def _respective_pairs(text: str, params: list[Parameter], mentions: list[Mention], words: list[str]) -> list[Rebinding]:
    """Rule 12: two numbers per item, the second ones given "respectively" ("From a pool of 8
    teachers and 7 students, 2 and 4 respectively are chosen"). The parameters that name an
    item come in parallel pairs (``n_teacher``, ``k_teacher``; ``n_student``, ``k_student``);
    where the pairs agree which role takes the number written with the item (``n_``) and which
    the one given respectively (``k_``), a parameter holding another number of its item takes
    its role's number (``n_student = 4`` -> 7). Where no item's pair holds its two numbers, the
    parameters that hold one of their own item's numbers tell the roles, if they agree."""
    moves: list[Rebinding] = []
    for r in _RESPECTIVE.finditer(text):
        before = [j for j, m in enumerate(mentions) if m.end <= r.start() and not m.percent]
        # the numbers right before "respectively", joined by "and" or commas
        tail: list[int] = []
        for j in reversed(before):
            end = mentions[tail[-1]].start if tail else r.start()
            if re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+)?", text[mentions[j].end:end]):
                tail.append(j)
            else:
                break
        tail.reverse()
        k = len(tail)
        pool = [j for j in before if j not in tail][-k:] if k >= 2 else []
        if k < 2 or len(pool) != k or not all(words[j].isalpha() for j in pool):
            continue
        items = [unit_key(words[j]) for j in pool]
        if len(set(items)) != k:
            continue
        roles: dict[str, dict[str, Parameter]] = {}  # role (name without the item) -> item -> parameter
        for p in params:
            hits = [it for it in items if it in p.name.lower()]
            if len(hits) == 1:
                roles.setdefault(p.name.lower().replace(hits[0], "*"), {})[hits[0]] = p
        if len(roles) != 2 or any(set(by) != set(items) for by in roles.values()):
            continue  # not two parallel parameters for every item
        given = {it: (float(mentions[a].value), float(mentions[b].value)) for it, a, b in zip(items, pool, tail,
                                                                                              strict=True)}
        # which role takes the number written with the item (0) and which the one after (1),
        # from the items whose two parameters hold their two different numbers
        kinds: dict[str, set[int]] = {role: set() for role in roles}
        for it, (first, second) in given.items():
            if first == second or sorted(by[it].value for by in roles.values()) != sorted((first, second)):
                continue  # the item does not show the roles: its two numbers, each held once
            for role, by in roles.items():
                v = by[it].value
                kinds[role] |= {0} if v == first else {1} if v == second else set()
        if not any(kinds.values()):
            # no item shows both: the parameters that hold one of their own item's two numbers
            # ("9 meat toppings and 11 vegetable toppings, 4 and 1 respectively" read as ``n_meat
            # = 9``, ``k_meat = 11``, ``n_vegetable = 4``, ``k_vegetable = 1``: n the number with
            # the item, k the one given respectively)
            for role, by in roles.items():
                for it, p in by.items():
                    first, second = given[it]
                    if first != second:
                        kinds[role] |= {0} if p.value == first else {1} if p.value == second else set()
        if sorted(map(tuple, kinds.values())) != [(0,), (1,)]:
            continue  # no item shows the roles, or they disagree
        for role, by in roles.items():
            (kind,) = kinds[role]
            for it, p in by.items():
                want = given[it][kind]
                if p.value != want:
                    m = mentions[(pool if kind == 0 else tail)[items.index(it)]]
                    moves.append(Rebinding(p.name, p.value, want, f"{m.written} is the {it}'s number "
                                           f"{'written with it' if kind == 0 else 'given respectively'}, "
                                           f"as for the other items"))
    return moves


# -- rule 9: data lines -----------------------------------------------------------------------------

#: "1970: 80", "2011: 10.47", "1995: 918": a label (a year, a day) and its reading.
_PAIR = re.compile(r"(?<![\d.,:])(\d{1,4})\s*:\s*(-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?![\d:])")


def _numeric_list(node: ast.expr) -> ast.List | ast.Tuple | None:
    """The list or tuple of plain numbers a data line holds (``[1, 2]``, ``np.array([1, -2])``)."""
    inner = node.args[0] if isinstance(node, ast.Call) and len(node.args) == 1 else node
    if not isinstance(inner, (ast.List, ast.Tuple)) or len(inner.elts) < 2:
        return None
    for e in inner.elts:
        c = e.operand if isinstance(e, ast.UnaryOp) and isinstance(e.op, (ast.USub, ast.UAdd)) else e
        if not (isinstance(c, ast.Constant) and isinstance(c.value, (int, float)) and not isinstance(c.value, bool)):
            return None
    return inner


#: What stands between two numbers of one list in a text: a comma (and), with the unit the
#: numbers share ("7,800 dollars, 14,800 dollars and 16,700 dollars"; "3, 5, 8 and 13").
_LIST_GAP = re.compile(r"\s*(?P<unit>[^\W\d]+)?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:[$€£])?$")


def _text_lists(text: str, numbers: list[Mention]) -> list[list[float]]:
    """The lists of three or more numbers a text writes: numbers joined by commas or "and",
    each followed by the same unit word or none (no percentages, no scale words)."""
    runs: list[list[Mention]] = []
    unit = None
    for a, b in pairwise(numbers):
        gap = _LIST_GAP.match(text[a.end:b.start]) if not (a.percent or b.percent or a.scale != 1) else None
        if not gap:
            continue
        if not runs or runs[-1][-1] is not a:
            runs.append([a, b])  # a new list, its unit word that of the first gap
            unit = gap["unit"]
        elif gap["unit"] == unit:
            runs[-1].append(b)
    return [[float(m.value) for m in r] for r in runs if len(r) >= 3]


def _data_lists(program: str) -> dict[str, ast.List | ast.Tuple]:
    """The program's data lines (:func:`mathllm.follow.data_lines`): name -> its list of numbers."""
    from .follow import data_lines

    names = data_lines(program)
    if not names:
        return {}
    lists: dict[str, ast.List | ast.Tuple] = {}
    for node in ast.parse(program).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) \
                and node.targets[0].id in names and (inner := _numeric_list(node.value)) is not None:
            lists[node.targets[0].id] = inner
    return lists


def _listed(text: str, program: str, params: list[Parameter], mentions: list[Mention],
            said: list[str]) -> list[Rebinding]:
    """Rule 9 again, for a parameter: once a data line is the text's list, a parameter holding
    one of its numbers that the text writes once (``initial_cost = 44500`` beside ``cash_flows =
    [44500, 27500, ...]`` for "paying 177,000 dollars now for a van that returns 44,500 dollars,
    27,500 dollars, ...") takes the one number of its unit that neither a parameter nor a data
    line uses (177,000)."""
    listed = {float(ast.literal_eval(e)) for inner in _data_lists(program).values() for e in inner.elts}
    free = [j for j in free_numbers(text, params, mentions) if float(mentions[j].value) not in listed]
    moves = []
    for p in params:
        unit = unit_key(p.unit)
        once = [i for i, m in enumerate(mentions) if gives(m, p)]
        if not unit or p.value not in listed or len(once) != 1:
            continue
        fits = [j for j in free if said[j] and _factor(said[j], unit) is not None]
        if len(fits) != 1:
            continue
        m = mentions[fits[0]]
        new = _value(m, p, _factor(said[fits[0]], unit) or Decimal(1))
        moves.append(Rebinding(p.name, p.value, new, f"{mentions[once[0]].written} is in the data line; the one "
                                                     f"number of its unit no parameter or list uses is {m.written}"))
    return moves if len(moves) == 1 else []


def _noise(xs: list[float], r: list[float], written: set[float]) -> bool:
    """Whether ``xs`` is ``r`` in order with other items among them, each a repetition of an
    earlier item of ``xs`` or, before the end of ``r``, no number of the text (``written``)."""
    k = 0
    for j, x in enumerate(xs):
        if k < len(r) and x == r[k]:
            k += 1
        elif x not in xs[:j] and (x in written or k == len(r)):
            return False  # after the whole list, a new number may be the model's own (a bonus)
    return k == len(r)


#: The count of a list of periodic amounts the text writes: "each of the following 3 years",
#: "over the next 4 years".
_LIST_COUNT = re.compile(r"\b(?:following|next)\s+(\d+)\s+(?:years|months|quarters|periods|weeks)\b", re.IGNORECASE)


def _common(a: list[float], b: list[float]) -> int:
    """The length of the longest run of ``b``'s items that ``a`` holds in their order, others
    between them (a longest common subsequence)."""
    row = [0] * (len(b) + 1)
    for x in a:
        prev = 0
        for j, y in enumerate(b, start=1):
            prev, row[j] = row[j], prev + 1 if x == y else max(row[j], row[j - 1])
    return row[-1]


def _spells(rest: list[float], own: list[float], spelled: set[str]) -> bool:
    """Whether ``rest`` is numbers of the text split at their thousands comma ("11,300" as the
    two items 11, 300), once or more, perhaps among repetitions of ``own`` items."""
    i, split = 0, False
    while i < len(rest):
        pair = rest[i:i + 2]
        if len(pair) == 2 and all(_whole(x) for x in pair) and ",".join(fmt_value(x) for x in pair) in spelled:
            i, split = i + 2, True
        elif rest[i] in own:
            i += 1
        else:
            return False
    return split


def _scrambled(xs: list[float], r: list[float]) -> bool:
    """Whether the items of ``xs`` (each one of ``r``'s), each at its first place, are not in
    ``r``'s order."""
    at = [r.index(x) for k, x in enumerate(xs) if x not in xs[:k]]
    return any(b < a for a, b in pairwise(at))


#: Names of a data line that holds the labels of readings: ``years``, ``x``, ``t_days``, ``ages``.
_LABELS_NAME = re.compile(r"^(?:x|t)(?:_|$)|year|label|time|day|month|hour|week|age|period|date", re.IGNORECASE)


def _skips_first(xs: list[float], readings: list[float]) -> bool:
    """Whether a list is the text's readings from the second on (three or more in order), then
    only repeats of its own: ``[17, 19, 21, 23, 23, 24, 26, 26]`` for "1996: 21, 1997: 17, ...,
    2003: 26" (the first one left out, the last repeated)."""
    k = 0
    while k < len(xs) and k + 1 < len(readings) and xs[k] == readings[k + 1]:
        k += 1
    return k >= 3 and xs[0] != readings[0] and all(x in xs[:k] for x in xs[k:])


def data_rule(text: str, program: str) -> tuple[str, list[Rebinding]]:
    """Rule 9 (``text`` with its whitespace collapsed, as :func:`bind` reads it): a data line (a list of two or more numbers, :func:`mathllm.follow.data_lines`)
    that copies the text's data only in part. A small model copies the shown example's length:
    it stops a list of eight readings after seven, or runs on after the text's five cash flows
    by repeating numbers it already wrote (``[9500, 6400, 7500, 8100, 9400, 9400, 8100, 9400]``).

    * **Labelled readings** ("1970: 80, 1975: 74, ..."; three or more): the list that starts
      with the first two labels becomes all the labels, and a list that starts with the first
      reading becomes all the readings.
    * **A run-on list**: a list whose first two or more numbers are consecutive numbers of the
      text, and whose numbers after them only repeat its own (or spell a number of the text
      split at its thousands comma), is cut to the text's run.
    * **Part of the text's list**: a list that is a run of one list the text writes
      (:func:`_text_lists`), shorter than it, becomes the whole list; so does one that holds
      three or more of its numbers out of their order, its other items no number of the text
      (not where it is the text's numbers in another order and nothing else).
    """
    lists = _data_lists(program)
    if not lists:
        return program, []
    values = {n: [float(ast.literal_eval(e)) for e in node.elts] for n, node in lists.items()}
    new: dict[str, tuple[list[float], str]] = {}
    pairs = [(float(a), float(b.replace(",", ""))) for a, b in _PAIR.findall(text)]
    if len(pairs) >= 3:
        labels, readings = [a for a, _ in pairs], [b for _, b in pairs]
        keys = [n for n, xs in values.items() if xs[:2] == labels[:2]]
        if len(keys) == 2 == len(values) and len(named := [n for n in keys if _LABELS_NAME.search(n)]) == 1:
            # both lists copy the labels (a run-on the model did not finish): the one named for
            # the labels is they, the other the readings
            other = next(n for n in keys if n != named[0])
            for n, xs, why in ((named[0], labels, "labels"), (other, readings, "gives")):
                if values[n] != xs:
                    new[n] = (xs, f"the text labels {len(labels)} readings" if why == "labels"
                              else f"the text gives {len(readings)} readings; {n} had the labels")
        elif len(keys) == 1:
            if values[keys[0]] != labels:
                new[keys[0]] = (labels, f"the text labels {len(labels)} readings")
            rest = [n for n, xs in values.items() if n != keys[0] and (xs[0] == readings[0] or _skips_first(xs, readings))]
            if len(rest) == 1 and values[rest[0]] != readings:
                new[rest[0]] = (readings, f"the text gives {len(readings)} readings"
                                + ("; the program's list left out the first" if _skips_first(values[rest[0]], readings)
                                   else ""))
    numbers = [m for m in find_numbers(text) if not m.word]
    written = [float(m.value) for m in numbers]
    spelled = {m.written for m in numbers}
    runs = _text_lists(text, numbers)
    for n, xs in values.items():
        if n in new:
            continue
        for j in (j for j, w in enumerate(written) if w == xs[0]):
            k = 0
            while k < len(xs) and j + k < len(written) and written[j + k] == xs[k]:
                k += 1
            # the rest repeats the list's own numbers, or spells a number of the text split at
            # its thousands comma ("10,900" written as the two items 10, 900)
            split = _spells(xs[k:], xs[:k], spelled)
            if 2 <= k < len(xs) and (all(x in xs[:k] for x in xs[k:]) or split):
                rest = "spells " + ",".join(fmt_value(x) for x in xs[k:]) if split else "repeats them"
                new[n] = (xs[:k], f"the text gives {k} numbers in a row; the rest {rest}")
                break
        # a list that is part of a list the text writes ("returns 7,800 dollars, 14,800 dollars,
        # ..., 17,100 dollars" copied from its second number on): the text's whole list
        cut = new[n][0] if n in new else xs
        whole = [r for r in runs if len(r) > len(cut) >= 2 and any(r[i:i + len(cut)] == cut for i in range(len(r)))]
        if len(whole) == 1:
            new[n] = (whole[0], f"the text lists {len(whole[0])} numbers; the program had {len(cut)} of them")
            continue
        # the text's list from its second number on, as long as it, its last item no number of
        # the text ("[19900, 24600, 35100, 45100]" for "25,400 dollars, 19,900 dollars, 24,600
        # dollars, 35,100 dollars"): the text's list
        shifted = [r for r in runs if len(r) == len(cut) >= 3 and cut[:-1] == r[1:] and cut[-1] not in written]
        if n not in new and len(shifted) == 1:
            new[n] = (shifted[0], (f"the text lists {len(cut)} numbers; the program left out the first and added "
                                   f"{fmt_value(cut[-1])}, no number of the text"))
            continue
        # (a percentage of the text is no item of a list of amounts)
        plain = {float(m.value) for m in numbers if not m.percent}
        # part of the text's list among repeats of its own items and percentages of the text
        # ("[9800, 11100, 7200, 6300, 6300, 13.5]" for "6,700 euros, 9,800 euros, ..., 6,300 euros"
        # at 13.5%): the text's whole list
        core = [x for j, x in enumerate(cut) if x not in cut[:j] and x in plain]
        if n not in new and 2 <= len(core) < len(cut) and len(core) == len(set(cut) - (set(written) - plain)):
            around = [r for r in runs if len(r) >= len(core) and r != cut
                      and any(r[i:i + len(core)] == core for i in range(len(r)))]
            if len(around) == 1:
                new[n] = (around[0], (f"the text lists {len(around[0])} numbers; the program had {len(core)} of them "
                                      "among repeats of its own or percentages of the text"))
                continue
        # the text's whole list with other items among them that only repeat the list's own or
        # are no number of the text ("20600, 20, 28300, 22900, 22900" for "20,600, 28,300, 22,900")
        noisy = [r for r in runs if len(r) < len(cut) and cut[0] == r[0] and _noise(cut, r, set(written))]
        if n not in new and len(noisy) == 1:
            extra = len(cut) - len(noisy[0])
            new[n] = (noisy[0], (f"the text lists {len(noisy[0])} numbers; the program had them with {extra} more "
                                 "that repeat them or are not in the text"))
            continue
        # the text's whole list and then more, where the text counts the list ("returns 21,500,
        # 20,300, 33,500 EUR at the end of each of the following 3 years" as four flows): the
        # model's own bonus only where the text does not say how many there are
        # (a number of the text may be meant, but not a percentage in a list of amounts: "at 12.6%
        # a year ... £34,300, £39,000, £63,300 at the end of each of the following 3 years" as
        # ``[34300, 39000, 63300, 12.6]``)
        counted = [r for r in runs if len(r) < len(cut) and cut[:len(r)] == r
                   and not set(cut[len(r):]) & plain
                   and any(int(c) == len(r) for c in _LIST_COUNT.findall(text))]
        if n not in new and len(counted) == 1:
            new[n] = (counted[0], (f"the text lists {len(counted[0])} numbers for {len(counted[0])} periods; the "
                                   f"program had {len(cut) - len(counted[0])} more"))
            continue
        # ... or more that a parameter of the program holds ("paying 105,000 CHF now ... returns
        # 23,700 CHF, 38,300 CHF, 29,100 CHF at the end of each of the following 3 years" as
        # ``[23700, 38300, 29100, 105000]`` beside ``initial_cost = 105000``): the outlay is no flow
        held = {p.value for p in parse_parameters(program)}
        trailed = [r for r in runs if len(r) < len(cut) and cut[:len(r)] == r
                   and all(x in held and x not in r and written.count(x) == 1 for x in cut[len(r):])
                   and any(int(c) == len(r) for c in _LIST_COUNT.findall(text))]
        if n not in new and len(trailed) == 1:
            new[n] = (trailed[0], (f"the text lists {len(trailed[0])} numbers for {len(trailed[0])} periods; the "
                                   f"program had {len(cut) - len(trailed[0])} more that its parameters hold"))
            continue
        # the text's counted list after a number of the text written apart from it ("paying
        # 109,000 dollars now for a solar installation that returns 14,800 dollars, ... at the end
        # of each of the following 6 years" as ``[109000, 14800, ...]``): the outlay is no flow
        led = [r for r in runs if len(r) < len(cut) and cut[len(cut) - len(r):] == r
               and all(x in written and x not in r for x in cut[:len(cut) - len(r)])
               and any(int(c) == len(r) for c in _LIST_COUNT.findall(text))]
        if n not in new and len(led) == 1:
            new[n] = (led[0], (f"the text lists {len(led[0])} numbers for {len(led[0])} periods; the program had "
                               f"{len(cut) - len(led[0])} more before them"))
            continue
        # the text's list scrambled: three or more of its numbers out of order, the other items
        # no number of the text ("[34400, 36100, 17300, 36, 17, 36]" for "28,100, 34,400,
        # 17,300, 36,100, 24,600, 36,300"; 36 and 17 are pieces of its numbers)
        # (all of them in another order and nothing else may be the model's reading of the text:
        # left alone; a percentage of the text is no item of a list of amounts)
        mixed = [r for r in runs if len(set(cut) & set(r)) >= 3 and sorted(cut) != sorted(r)
                 and all(x in r or x not in plain for x in cut) and _scrambled([x for x in cut if x in r], r)]
        if n not in new and len(mixed) == 1 and cut != mixed[0] \
                and not any(r != mixed[0] and set(cut) & set(r) for r in runs):
            new[n] = (mixed[0], (f"the text lists {len(mixed[0])} numbers; the program had "
                                 f"{len(set(cut) & set(mixed[0]))} of them out of their order or among others"))
        # the text's counted list with one item lost or changed, among repeats of its own and
        # numbers not in the text ("[11400, 11400, 10900, 9100, 11500, 12500, 12500, 10000]" for
        # "10,100 CHF, 11,400 CHF, ..., 12,500 CHF at the end of each of the following 6 years")
        near = [r for r in runs if len(r) >= 3 and sorted(cut) != sorted(r) and _common(cut, r) >= len(r) - 1
                and (len(cut) != len(r) or not set(cut) <= set(r))  # (its own numbers reordered: maybe meant)
                and all(x in r or x not in plain for x in cut)
                and any(int(c) == len(r) for c in _LIST_COUNT.findall(text))]
        if n not in new and len(near) == 1:
            new[n] = (near[0], (f"the text lists {len(near[0])} numbers for {len(near[0])} periods; the program "
                                f"had {_common(cut, near[0])} of them in order among others"))
    if not new:
        return program, []
    lines = program.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    edits = []
    for n, (xs, why) in new.items():
        node = lists[n]
        a = starts[node.lineno - 1] + node.col_offset
        b = starts[(node.end_lineno or node.lineno) - 1] + (node.end_col_offset or 0)
        body = ", ".join(map(fmt_value, xs))
        edits.append((a, b, f"[{body}]" if isinstance(node, ast.List) else f"({body})"))
    for a, b, literal in sorted(edits, reverse=True):
        program = program[:a] + literal + program[b:]
    return program, [Rebinding(n, values[n], xs, why) for n, (xs, why) in new.items()]


# -- rule 13: a series of parameters that is the text's list ----------------------------------------

_NUM = r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
#: One labelled value of a list: "Mon 38", "Uma 48", "Tue: 65" (a capitalised label).
_ITEM = rf"(?P<label>[A-Z][\w'’-]*)\s*[:=]?\s*(?P<num>{_NUM})(?![\d/])"
_ITEM_SEP = r"\s*(?:[,;]\s*(?:and\s+)?|\s+and\s+)"
#: Three or more labelled values joined by commas, semicolons or "and", each label perhaps after
#: the noun it labels ("parcel A 22, parcel B 21, parcel C 11").
_LABELLED_LIST = re.compile(rf"{_ITEM}(?:{_ITEM_SEP}(?:[a-z]{{3,}}\s+)?"
                            rf"{_ITEM.replace('?P<label>', '').replace('?P<num>', '')}){{2,}}")
_ONE_ITEM = re.compile(_ITEM)
#: One value labelled after it: "48 in Jan", "77 on test 1" (a capitalised label, or a word and its number).
_ITEM_AFTER = (rf"(?P<num>{_NUM})\s+(?:on|in|for|at|during)\s+(?:the\s+)?"
               r"(?P<label>[A-Z][\w'’-]*(?:\s+\d+)?|[a-z][\w'’-]*\s+\d+)\b")
_LABELLED_AFTER = re.compile(
    rf"{_ITEM_AFTER}(?:{_ITEM_SEP}{_ITEM_AFTER.replace('?P<label>', '').replace('?P<num>', '')}){{2,}}")
_ONE_AFTER = re.compile(_ITEM_AFTER)
#: "test score for Uma", "daily high temperature for Mon": a description, then the item's label.
_FOR_LABEL = re.compile(r"^(?P<stem>.*\b(?:for|of|on|in))\s+\S.*$", re.IGNORECASE)
_PREP_END = re.compile(r"\s+(?:for|of|on|in)$", re.IGNORECASE)


def _series(program: str, params: list[Parameter]) -> tuple[ast.AST, list[Parameter]] | None:
    """The one list of three or more parameters a program builds its data from
    (``data = np.array([commute_mon, commute_tue, ...])``): names sharing a prefix that ends in
    ``_``, each used nowhere else, assigned before the list. None if there is not exactly one."""
    found = _all_series(program, params)
    return found[0] if len(found) == 1 else None


def _prefix(series: list[Parameter]) -> str:
    """The part of the names of a series' parameters they all share, up to an underscore:
    ``commute_`` of ``commute_mon``, ``commute_tue``; ``cost_`` of ``cost_solar_roof``,
    ``cost_staff_training``."""
    shared = os.path.commonprefix([q.name for q in series])
    return shared[: shared.rfind("_") + 1]


def _all_series(program: str, params: list[Parameter]) -> list[tuple[ast.AST, list[Parameter]]]:
    """Every list a program builds its data from, as :func:`_series` describes one."""
    try:
        tree = ast.parse(program)
    except (SyntaxError, ValueError):
        return []
    by_name = {p.name: p for p in params}
    loads: dict[str, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            loads[node.id] = loads.get(node.id, 0) + 1
    found = []
    for node in tree.body:
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)):
            continue
        v = node.value
        inner = v.args[0] if isinstance(v, ast.Call) and len(v.args) == 1 else v
        if not isinstance(inner, (ast.List, ast.Tuple)) or len(inner.elts) < 3 \
                or not all(isinstance(e, ast.Name) and e.id in by_name for e in inner.elts):
            continue
        names = [e.id for e in inner.elts]  # type: ignore[attr-defined]
        series = [by_name[n] for n in names]
        prefix = _prefix(series)
        if len(set(names)) == len(names) and prefix and all(n.startswith(prefix) for n in names) \
                and all(loads.get(n) == 1 for n in names) and all(q.line < node.lineno for q in series):
            found.append((inner, series))
    return found


def _text_series(text: str) -> list[tuple[str, float]] | None:
    """The one list of data the text writes: labelled values ("Mon 38, Tue 65, ...", "48 in Jan,
    29 in Feb, ...", "77 on test 1, 63 on test 2, ..."; three or more), else the one plain list
    (:func:`_text_lists`), its labels empty. None otherwise."""
    labelled = [[(m["label"], float(m["num"].replace(",", ""))) for m in one.finditer(x.group(0))]
                for many, one in ((_LABELLED_LIST, _ONE_ITEM), (_LABELLED_AFTER, _ONE_AFTER))
                for x in many.finditer(text)]
    if labelled:
        items = labelled[0]
        return items if len(labelled) == 1 and len({a for a, _ in items}) == len(items) else None
    plain = _text_lists(text, [m for m in find_numbers(text) if not m.word])
    return [("", v) for v in plain[0]] if len(plain) == 1 else None


def series_rule(text: str, program: str) -> tuple[str, list[Rebinding]]:
    """Rule 13 (``text`` with its whitespace collapsed): a list of parameters the program builds
    its data from (``data = np.array([temp_mon, ..., temp_sun])``, :func:`_series`) that is
    the text's one list of data (:func:`_text_series`) only in part. A small model copies the
    shown example's length and its labels: seven days of commute times where the text gives six
    heights, or six scores for seven students with one skipped. When at least half of the
    parameters' values are numbers of the text's list and the values differ from the list, the
    parameters become the list: one per value, in the text's order, named by the shared prefix
    and the text's label (``commute_sun``; the position for a plain list), each described as the
    first one was with its label replaced, in its unit."""
    params = parse_parameters(program)
    found = _series(program, params)
    listed = _text_series(text) if found is not None else None
    if found is None or listed is None:
        return program, []
    node, series = found
    old = [q.value for q in series]
    values = [v for _, v in listed]
    if old == values or 2 * sum(v in values for v in old) < len(old):
        return program, []
    program = _rebuild(program, node, series, listed)
    prefix = _prefix(series)
    shown = ", ".join(f"{label} {fmt_value(v)}" if label else fmt_value(v) for label, v in listed[:3])
    return program, [Rebinding(
        f"{prefix}*", old, values,
        f"the text lists {len(values)} values ({shown}, ...); the program's {len(old)} parameters "
        f"{series[0].name} ... {series[-1].name} had {'them in part' if len(old) != len(values) else 'others'}")]


def _rebuild(program: str, node: ast.AST, series: list[Parameter], listed: list[tuple[str, float]]) -> str:
    """``program`` with the parameters of ``series`` (listed in ``node``) replaced by one per
    labelled value of ``listed``, in its order, named by their shared prefix and the label, each
    described as the first one was with its label replaced, in its unit."""
    prefix = _prefix(series)
    taken = {n.id for n in ast.walk(ast.parse(program)) if isinstance(n, ast.Name)} - {q.name for q in series}
    stem = _FOR_LABEL.match(series[0].description)
    base = stem["stem"] if stem else series[0].description
    unit = series[0].unit if all(q.unit == series[0].unit for q in series) else ""
    lines, names = [], []
    last = prefix.rstrip("_").rpartition("_")[2] + "_"  # "test_" of ``score_test_``
    for i, (label, v) in enumerate(listed, start=1):
        key = re.sub(r"\W+", "_", label.lower()).strip("_") or str(i)
        key = key.removeprefix(last) if key.startswith(last) and len(key) > len(last) else key  # "test 1": 1
        name = prefix + key
        while name in taken or name in names:
            name += "_"
        names.append(name)
        # "test score for Uma"; a plain list's value by its position: "daily high temperature (3)"
        said = f"{base} {label}" if label and stem else f"{_PREP_END.sub('', base)} ({label or i})"
        lines.append(f"{name} = {fmt_value(v)}  # {said}" + (f" [{unit}]" if unit else ""))
    # the list's names first (it comes after the parameter lines, whose line numbers stay put)
    starts = [0]
    for line in program.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    a = starts[node.lineno - 1] + node.col_offset
    b = starts[(node.end_lineno or node.lineno) - 1] + (node.end_col_offset or 0)
    body = ", ".join(names)
    program = program[:a] + (f"[{body}]" if isinstance(node, ast.List) else f"({body})") + program[b:]
    out = program.splitlines()
    at = sorted(q.line for q in series)
    out = out[:at[0] - 1] + lines + [ln for k, ln in enumerate(out[at[0] - 1:], start=at[0]) if k not in at]
    return "\n".join(out) + "\n"


# -- rule 15: two lists of parameters, one pair of numbers per item of the text -----------------

#: Where a text's items are split: list commas and "and", sentence ends, lines (a table's rows).
_ITEM_SPLIT = re.compile(r"(?:,|;)\s+(?:and\s+)?|\s+and\s+|(?<=[.?!])\s+|\n")
_LABEL_WORD = re.compile(r"\d+D\b|[A-Za-z][\w'’-]*")  # ("3D printer": a kind's name)
#: A clause after a list that sets a limit or a condition, not another item: "never going over
#: 14,000 euros", "while staying within a budget of 500 dollars".
_AFTER_LIST = re.compile(r"(?:and\s+|but\s+)?(?:never|not|without|while|staying|keeping|within|under|up to|"
                         r"at most|spending|subject to|as long as|with (?:a|an|the) (?:total|budget|limit|cap))\b",
                         re.IGNORECASE)


def _text_pairs(text: str, mentions: list[Mention]) -> list[tuple[str, tuple[Mention, Mention]]] | None:
    """The one run of three or more items the text lists with two numbers each ("13 kg of Kona
    beans priced at 28 EUR/kg, 7 kg of Excelsa beans priced at 17.50 EUR/kg and ..."; "the
    homework (10% of the grade) came out at 54, ..."; a table's rows): each item's label (the
    words that differ from item to item, nearest its first number) and its two numbers, in the
    order written (``mentions``: the text's numbers). None where there is not exactly one such run."""
    # items are cut at commas and "and", never inside brackets: "piano (18 points, costs 1,000
    # euros)" is one item
    depth = [0]
    for ch in text:
        depth.append(max(0, depth[-1] + (ch == "(") - (ch == ")")))
    cuts = [0] + [m.end() for m in _ITEM_SPLIT.finditer(text) if not depth[m.start()]] + [len(text)]
    spans = [(a, b) for a, b in pairwise(cuts) if text[a:b].strip()]
    # ("3D printer" names a kind: its 3 is no number of the item)
    mentions = [m for m in mentions if not re.match(r"D\b", text[m.end:])]
    inside = [[m for m in mentions if a <= m.start < b] for a, b in spans]
    # a part of the list joined to its neighbour (no sentence end between them; a table's rows are
    # joined) that holds another count of numbers breaks the run: "3D printer (2,500 euros ...)";
    # a clause after the list that opens with words no item does does not ("..., and never going
    # over 14,000 euros")
    joined = [k > 0 and not re.search(r"[.?!:]\s*$", text[spans[k - 1][0]:a]) for k, (a, _) in enumerate(spans)]
    runs: list[list[tuple[int, int, list[Mention]]]] = [[]]
    broken: set[int] = set()
    for k, (a, b) in enumerate(spans):
        if len(inside[k]) == 2:
            if not runs[-1] and joined[k] and inside[k - 1]:
                broken.add(len(runs) - 1)
            runs[-1].append((a, b, inside[k]))
        elif runs[-1]:
            if inside[k] and joined[k] and not _AFTER_LIST.match(text, a):
                broken.add(len(runs) - 1)
            runs.append([])
    runs = [r for k, r in enumerate(runs) if len(r) >= 3 and k not in broken]
    if len(runs) != 1:
        return None
    run = runs[0]
    words = [[(w.start(), w.group(0), _stem(w.group(0).lower())) for w in _LABEL_WORD.finditer(text, a, b)
              if not any(m.start <= w.start() < m.end for m in ms)] for a, b, ms in run]
    common = set.intersection(*({key for _, _, key in ws} for ws in words))
    # the words of each item alone, in runs between the words all items share ("hour" and
    # "hours" alike) and small words
    groups = [[g for g in _runs(ws, common) if g] for ws in words]
    if not all(groups):
        return None
    # the label is the run nearest the item's first number, on the side the items after the first
    # have it (the first item carries the question's words too: "... worth if it contains 13 kg of
    # Kona beans"): "Kona" of "13 kg of Kona beans", "lab reports" of "the lab reports (45% of
    # the grade)"
    def nearest(gs: list[list[tuple[int, str]]], first: int, side: int = 0) -> list[tuple[int, str]]:
        near = [g for g in gs if side == 0 or (g[0][0] - first) * side > 0] or gs
        return min(near, key=lambda g: min(abs(at - first) for at, _ in g))

    sides = [1 if nearest(gs, ms[0].start)[0][0] > ms[0].start else -1 for gs, (_, _, ms) in zip(groups[1:], run[1:])]
    side = 1 if sides.count(1) > sides.count(-1) else -1 if sides.count(-1) > sides.count(1) else 0
    out = [(" ".join(w for _, w in nearest(gs, ms[0].start, side)), (ms[0], ms[1]))
           for gs, (_, _, ms) in zip(groups, run, strict=True)]
    return out if len({label.lower() for label, _ in out}) == len(out) else None


def _runs(words: list[tuple[int, str, str]], common: set[str]) -> list[list[tuple[int, str]]]:
    """``words`` (position, word, stem) cut at the words in ``common`` and at small words."""
    out: list[list[tuple[int, str]]] = [[]]
    for at, w, key in words:
        if key in common or w.lower() in _STOP_LABEL:
            out.append([])
        else:
            out[-1].append((at, w))
    return out


#: Small words that are no item's label.
_STOP_LABEL = frozenset(("a", "an", "the", "of", "at", "in", "on", "for", "to", "by", "with", "from", "is", "are", "was",
                         "were", "if", "what", "which", "how", "much", "many", "does", "do", "did"))


def _unmix_lists(program: str) -> tuple[str, list[Rebinding]]:
    """Rule 15, first: two data lists built of two families of parameters named alike by item
    (``price_tea``, ``price_jasmine``, ... and ``mass_tea``, ``mass_jasmine``, ...) that mix the
    two (``values = [price_tea, price_jasmine, mass_tea, ...]``, an item twice, the weights
    likewise) become one family each, in the order the program defines the items: the list that
    leans to a family takes it, the other list the other family."""
    params = parse_parameters(program)
    try:
        tree = ast.parse(program)
    except (SyntaxError, ValueError):
        return program, []
    by_name = {p.name: p for p in params}
    lists = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            v = node.value
            inner = v.args[0] if isinstance(v, ast.Call) and len(v.args) == 1 else v
            if isinstance(inner, ast.List) and len(inner.elts) >= 3 \
                    and all(isinstance(e, ast.Name) and e.id in by_name for e in inner.elts):
                lists.append(inner)
    if len(lists) != 2:
        return program, []
    families: dict[str, list[str]] = {}
    for p in params:
        head, sep, item = p.name.partition("_")
        if sep and item and not isinstance(p.value, list):
            families.setdefault(head, []).append(item)
    used = {e.id for node in lists for e in node.elts}  # type: ignore[attr-defined]
    heads = sorted({n.partition("_")[0] for n in used})
    if len(heads) != 2 or any(set(families.get(h, [])) != set(families[heads[0]]) for h in heads) \
            or len(families[heads[0]]) < 3 or len(set(families[heads[0]])) != len(families[heads[0]]):
        return program, []
    items = families[heads[0]]
    counts = [[sum(e.id.partition("_")[0] == h for e in node.elts) for h in heads] for node in lists]  # type: ignore[attr-defined]
    # (one list clearly one family, the other not clearly the same: the weights all masses, the
    # values half prices and half masses)
    lean = [c[0] - c[1] for c in counts]
    if lean[0] * lean[1] > 0 or lean[0] == lean[1]:
        return program, []
    order = heads if lean[0] - lean[1] > 0 else heads[::-1]
    wanted = [[f"{h}_{item}" for item in items] for h in order]
    have = [[e.id for e in node.elts] for node in lists]  # type: ignore[attr-defined]
    if have == wanted or not any(len(set(h)) != len(h) or len({n.partition("_")[0] for n in h}) > 1 for h in have):
        return program, []  # one family each already, every item once
    lines = program.splitlines(keepends=True)
    moves = []
    for node, names, was in sorted(zip(lists, wanted, have, strict=True), key=lambda x: -x[0].lineno):
        start, end = node.lineno - 1, (node.end_lineno or node.lineno) - 1
        text = "".join(lines[start:end + 1])
        a, b = node.col_offset, len(text) - (len(lines[end]) - (node.end_col_offset or 0))
        lines[start:end + 1] = [text[:a] + "[" + ", ".join(names) + "]" + text[b:]]
        moves.append(Rebinding(f"{names[0].partition('_')[0]}_*", [by_name[n].value for n in was],
                               [by_name[n].value for n in names],
                               f"the list mixed {heads[0]}_* and {heads[1]}_*; one of each item, in order"))
    return "".join(lines), moves[::-1]


def pairs_rule(text: str, program: str) -> tuple[str, list[Rebinding]]:
    """Rule 15: two lists of parameters the program builds its data from (``values =
    np.array([score_homework, ...])``, ``weights = np.array([weight_homework, ...])``, each as
    :func:`_series` describes one, their names ending alike) while the text lists three or more
    items with two numbers each (:func:`_text_pairs`). A small model copies the shown example's
    items ("Liberica, Kona, Excelsa" for "Kona, Excelsa, Arabica, Robusta") and mixes up the
    numbers. Which number of an item goes to which list is read from the units (a percentage for
    ``[%]``, "EUR/kg" for ``[EUR/kg]``, "kg" for ``[kg]``), the words right beside the numbers
    that name a list ("4 credit hours" for ``credits_*  # [credit hours]``, "graded 2.0" for
    ``grade_*``) and, where they say nothing, from the values the model wrote; where neither
    tells, or fewer than half of the program's values are numbers of the items, the program
    stays. Else both lists become the text's items: one parameter each, named by the list's
    prefix and the item's label."""
    params = parse_parameters(program)
    found = [f for f in _all_series(program, params) if len(f[1]) >= 2]
    mentions = [m for m in find_numbers(text) if not m.word]
    items = _text_pairs(text, mentions) if len(found) == 2 else None
    if items is None:
        return program, []
    (node_a, a), (_, b) = found
    prefixes = [_prefix(ser) for ser in (a, b)]
    if [q.name[len(prefixes[0]):] for q in a] != [q.name[len(prefixes[1]):] for q in b]:
        return program, []  # not one item per position
    said = {id(m): _said(text, m, mentions, unit_word(text, m, mentions)) for _, pair in items for m in pair}
    # the word right before a number and right after it: "graded 2.0", "4 credit hours"
    # ("costs £23,000": the word before the currency's sign)
    beside = {id(m): _stems(" ".join(text[:m.start].rstrip(" $€£¥₹").split()[-1:] + text[m.end:].split()[:1]))
              for _, pair in items for m in pair}

    def fits(position: int, ser: list[Parameter]) -> tuple[int, int]:
        """Evidence that the items' numbers at ``position`` belong to ``ser``: units and the
        words beside them, and the values the model wrote."""
        unit = unit_key(ser[0].unit)
        named = _stems(f"{ser[0].unit} {_prefix(ser)}".replace("_", " "))
        score = 0
        for _, pair in items:
            m = pair[position]
            # each word that names the list counts: "costs 53,000 EUR" names ``cost_*  # [EUR]``
            # twice, "21,000 EUR" once
            score += 2 * len(beside[id(m)] & named)
            if m.percent:
                score += 2 if unit_is_percent(ser[0]) else -2
            elif said[id(m)] and (_factor(said[id(m)], unit) is not None):
                score += 2
            elif said[id(m)] and is_measure(said[id(m)]) and is_measure(unit):
                score -= 2  # a measure of another dimension
        written = {round(_value(pair[position], ser[0]), 9) for _, pair in items}
        return score, sum(round(q.value, 9) in written for q in ser)

    # what the text says (units, words beside) decides; the values the model wrote only where it
    # says nothing: "software upgrade (21,000 EUR, costs 53,000 EUR)" costs 53,000 whatever the
    # model took
    (sa, va), (sb, vb), (ca, wa), (cb, wb) = fits(0, a), fits(1, b), fits(1, a), fits(0, b)
    straight, crossed = (sa + sb, va + vb), (ca + cb, wa + wb)
    if straight == crossed:
        return program, []
    first = 0 if straight > crossed else 1
    lists = [[(label, _value(pair[first], a[0])) for label, pair in items],
             [(label, _value(pair[1 - first], b[0])) for label, pair in items]]
    old = [[q.value for q in a], [q.value for q in b]]
    every = [v for lst in lists for _, v in lst]
    if old == [[v for _, v in lst] for lst in lists] or 2 * sum(v in every for v in old[0] + old[1]) < len(old[0]) * 2:
        return program, []
    first_done = _rebuild(program, node_a, a, lists[0])
    # the second list once more: the first one's lines have moved it
    again = [(node, ser) for node, ser in _all_series(first_done, parse_parameters(first_done))
             if ser[0].name.startswith(prefixes[1])]
    if len(again) != 1:
        return program, []
    program = _rebuild(first_done, *again[0], lists[1])
    shown = ", ".join(f"{label} {fmt_value(x)} and {fmt_value(y)}"
                      for (label, x), (_, y) in zip(lists[0][:2], lists[1][:2], strict=True))
    return program, [Rebinding(f"{prefix}*", o, [v for _, v in lst],
                               f"the text lists {len(items)} items with two numbers each ({shown}, ...)")
                     for prefix, o, lst in zip(prefixes, old, lists, strict=True)]


# -- rule 6: the cells of a table of items and resources ----------------------------------------

#: "cutting time per jacket", "nitrogen in GreenFix", "oven time per tray of bread": a resource,
#: then an item.
_CELL = re.compile(r"^(?P<res>.+?)\s+(?:per|in|for|of)\s+(?P<item>.+)$", re.IGNORECASE)
#: Words that do not tell one resource or item from another ("cutting time available", "per
#: tray of bread").
_GENERIC = frozenset(w[:4] for w in (
    "available", "time", "total", "maximum", "minimum", "limit", "capacity", "needed", "required", "used",
    "amount", "number", "hours", "minutes", "week", "weekly", "daily", "day", "month", "year", "unit", "units",
    "each", "every", "one", "the", "and", "product", "item", "season", "period", "batch", "shift", "quarter",
    "semester", "term"))
#: Words a text uses for a resource that programs name otherwise ("earns me 100 euros").
_SYNONYM = {"earn": "prof", "gain": "prof", "marg": "prof", "pric": "cost", "poin": "scor"}
#: The words of a text around a number that may name its resource.
_RES_AFTER, _RES_BEFORE = 5, 4
_CLAUSE = re.compile(r"[.?!](?=\s|$)")
_LIST_LINE = re.compile(r"^\s*(?:[-*•|]|\d{1,2}[.)])\s")
_PART = re.compile(r"[,;()]|(?<=\s)-\s")
#: Resources a bare amount of money is ("oatmeal: £0.95/serving").
_MONEY = frozenset({"cost", "prof", "reve", "char"})
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z-]*")


def _list_breaks(text: str) -> list[int]:
    """Where a line of a list, or a blank line, begins or ends: a sentence ends there even
    without a full stop (a wrapped line of prose does not end one)."""
    out, pos = [], 0
    lines = text.split("\n")
    for k, line in enumerate(lines):
        listy = bool(_LIST_LINE.match(line)) or not line.strip()
        after = k + 1 < len(lines) and (bool(_LIST_LINE.match(lines[k + 1])) or not lines[k + 1].strip())
        pos += len(line) + 1
        if listy or after:
            out.append(pos)
    return out


def _stem(word: str) -> str:
    """A word's first four letters, one spelling per resource ("earns" -> "prof")."""
    w = word.lower()[:4]
    return _SYNONYM.get(w, w)


def _stem_set(words: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in re.findall(r"[a-z]{3,}", words.lower())) - _GENERIC


def _cell(p: Parameter) -> tuple[frozenset[str], frozenset[str]] | None:
    """(resource stems, item stems; none for a capacity) of a parameter described as a table
    cell ("cutting time per jacket") or a capacity ("cutting time available per day")."""
    m = _CELL.match(p.description.strip())
    if not m:
        return None
    res = _stem_set(m.group("res"))
    item = frozenset() if m.group("item").split()[-1].lower() in _UNIT else _stem_set(m.group("item"))
    return (res, item) if res else None


Cell = tuple[frozenset[str], frozenset[str]]


def table_cells(params: list[Parameter]) -> tuple[dict[str, Cell], set[Cell]]:
    """The parameters of a linear program's table, {name: (resource, item)} (a capacity has no
    item), and its cells: four or more, each item with two or more resources and each resource
    with two or more items; ({}, set()) when the program has no such table."""
    cells = {p.name: c for p in params if (c := _cell(p)) is not None}
    # the words that tell the items apart ("bread" and "muffins" of "tray of ...")
    shared = frozenset.intersection(*[c[1] for c in cells.values() if c[1]] or [frozenset()])
    cells = {name: (r, i - shared) for name, (r, i) in cells.items()}
    pairs = {c for c in cells.values() if c[1]}
    for _ in range(2):
        pairs = {(r, i) for r, i in pairs if sum(i2 == i for _, i2 in pairs) >= 2
                 and sum(r2 == r for r2, _ in pairs) >= 2}
    if len(pairs) < 4:
        return {}, set()
    resources = {r for r, _ in pairs}
    return {name: c for name, c in cells.items() if c in pairs or (not c[1] and c[0] in resources)}, pairs


#: The things a text gives per-unit figures for: "Each bookcase needs 3 hours ...", "every desk".
_EACH_THING = re.compile(r"\b(?:each|every)\s+([a-z][a-z-]{2,})\b", re.IGNORECASE)
#: ... that are no item of a program: "each week", "every hour".
_NOT_ITEMS = frozenset(_stem(w) for w in (
    "week", "day", "month", "year", "hour", "minute", "second", "shift", "period", "season", "quarter", "time",
    "unit", "one", "other", "product", "item", "kind", "type", "of"))


def text_items(text: str) -> list[str]:
    """The stems of the things ``text`` gives figures for "each" or "every" of, in the order it
    first names them ("Each bookcase needs ... Each desk needs ..." -> ["book", "desk"])."""
    return list(dict.fromkeys(w for w in (_stem(m.group(1)) for m in _EACH_THING.finditer(text))
                              if w not in _NOT_ITEMS))


def _table(text: str, params: list[Parameter]) -> list[Rebinding]:
    """Rule 6: a program of a linear program whose cells ("cutting time per jacket") took the
    numbers of the text in the wrong places (a small model copies the shown example's order).

    Each number of the text gets an item, the nearest item word before it in its sentence or
    line ("jackets (95 EUR profit, 45 minutes of cutting time ..."; none for "The limits are
    1,438 minutes of cutting time"), and a resource, named by the nearest of its words after it
    (or, if none, before it: "a profit of 60 EUR"; "and earns me $130"), not past another
    number, a comma or a bracket; an amount of money with no such words is the one resource of
    money (cost, price, profit), if the table has one. A cell parameter moves to the one number
    with its item and resource; a capacity (no item) to the one number with no item and its
    resource. Only when the program is such a table (:func:`table_cells`), two or more of its
    items are written in the text, and the text gives every cell exactly one number."""
    cells, pairs = table_cells(params)
    if not pairs:
        return []
    items = list(dict.fromkeys(i for _, i in pairs))
    resources = list(dict.fromkeys(r for r, _ in pairs))
    words = [(w.start(), _stem(w.group(0))) for w in _WORD_RE.finditer(text)]
    owners = {w: [i for i in items if w in i] for _, w in words}
    if len({i for _, w in words for i in owners[w] if len(owners[w]) == 1}) < 2:
        # the program's items are not the text's (names copied from the example): its columns
        # stand for the things the text gives figures for "each" of, in the order it names them
        # (a column the text does name keeps its item: "tables" and the example's "chairs" for
        # a text of tables and bookshelves)
        columns = list(dict.fromkeys(c[1] for c in cells.values() if c in pairs))
        named = text_items(text)
        kept = {w: col for w in named for col in columns if w in col}
        rest = [col for col in columns if col not in kept.values()]
        if len(named) != len(columns) or len(kept) + len(rest) != len(columns):
            return []
        left = iter(rest)
        given = {w: kept[w] if w in kept else next(left) for w in named}
        owners = {w: ([given[w]] if w in given else []) for _, w in words}
    mentions = [m for m in find_numbers(text) if not m.word]
    ends = [e.end() for e in _CLAUSE.finditer(text)] + _list_breaks(text)
    algebra = _algebra(text, words, owners, resources, ends)
    grid = _grid(text, owners, resources)
    respective = _respective_items(text, words, owners, mentions, ends)
    kinds: dict[tuple[frozenset[str], frozenset[str]], list[int]] = {}
    for j, m in enumerate(mentions):
        if m.value == 0 or after_per(text, m):
            continue
        if (kind := algebra(m) or grid(m)) is not None:
            if kind:
                kinds.setdefault(kind, []).append(j)
            continue
        lo = max([0] + [e for e in ends if e <= m.start])
        hi = min([len(text)] + [e for e in ends if e > m.start])
        owner = respective.get(j) or next(
            (owners[w][0] for s, w in reversed(words) if lo <= s < m.start and len(owners[w]) == 1), frozenset())
        # not past another number nor a comma: "oatmeal: 1.75 CHF/serving, protein 15 g/serving"
        near_lo, near_hi = between(text, m, mentions)
        stop = _PART.search(text, m.end, min(hi, near_hi))
        after = [w for s, w in words if m.end <= s < (stop.start() if stop else min(hi, near_hi))][:_RES_AFTER]
        start = max([lo, near_lo] + [x.end() for x in _PART.finditer(text, max(lo, near_lo), m.start)])
        before = [w for s, w in words if start <= s < m.start][-_RES_BEFORE:]
        # the resource word nearest the number, after it first: "earns me $130" after "4 hours of finishing"
        for w in after + before[::-1]:
            named = [r for r in resources if w in r]
            if named:
                if len(named) == 1:
                    kinds.setdefault((named[0], owner), []).append(j)
                break
        else:
            money = [r for r in resources if r & _MONEY]
            if len(money) == 1 and is_money(text, m):
                kinds.setdefault((money[0], owner), []).append(j)
    if any(len(kinds.get(c, [])) != 1 for c in pairs):
        return []  # the text is not read as that table (a cell with no number or with several)
    moves = []
    for p in params:
        c = cells.get(p.name)
        found = kinds.get(c) if c is not None else None
        if not found or len(found) != 1:
            continue  # a capacity with no number of its kind, or several: the model's choice stands
        m = mentions[found[0]]
        if gives(m, p):
            continue
        moves.append(Rebinding(p.name, p.value, _value(m, p),
                               f"{m.written} is the text's {p.description.strip()}"))
    return moves


def _routes(text: str, params: list[Parameter], mentions: list[Mention]) -> list[Rebinding]:
    """Rule 6, routes: a transport program's costs (``cost_p1_lyon``, one for each source and
    destination) take the number the text writes after each route ("Plant 1 to Lyon 15 EUR", "the
    quarry → building site 2 16 CHF"; a small model copies the example's order, or its numbers).

    The program's sources and destinations are read off the names (``<head>_<source>_<dest>``,
    two or more of each, every pair one parameter of one unit) and found among the text's: a name
    the text writes ("lyon"), or a letter and number ("p1" for "Plant 1", "site1" for "building
    site 1"). Where the program names none of them (the example's names for the text's places),
    the text's places stand in the order it writes them, if there are as many. Only where the text
    writes a number for every route, once."""
    grid: dict[tuple[str, str], list[Parameter]] = {}
    for p in params:
        parts = p.name.split("_")
        if len(parts) == 3 and not isinstance(p.value, list):
            grid.setdefault((parts[0], unit_key(p.unit)), []).append(p)
    labels = {j for j, m in enumerate(mentions) if _place_number(text, m)}  # ("Plant 1": no quantity)
    written = _written_routes(text, mentions, labels)
    routes = dict(written)
    if len(routes) != len(written):
        return []  # a route written twice: which number is its is not clear
    for (head, _), group in grid.items():
        sources = list(dict.fromkeys(p.name.split("_")[1] for p in group))
        dests = list(dict.fromkeys(p.name.split("_")[2] for p in group))
        if len(sources) < 2 or len(dests) < 2 or len(group) != len(sources) * len(dests) \
                or len({tuple(p.name.split("_")[1:]) for p in group}) != len(group):
            continue
        if len(routes) != len(group):
            continue  # not each route written: not read as the program's grid
        ends_written = (list(dict.fromkeys(a for a, _ in routes)), list(dict.fromkeys(b for _, b in routes)))
        named = [_places_named(tokens, found) for tokens, found in zip((sources, dests), ends_written, strict=True)]
        if any(found is None for found in named):
            continue
        moves = []
        for p in group:
            _, a, b = p.name.split("_")
            m = mentions[routes[(named[0][a], named[1][b])]]
            if not gives(m, p):
                moves.append(Rebinding(p.name, p.value, _value(m, p),
                                       f"the problem writes {m.written} for the route {named[0][a]} to {named[1][b]}"))
        # the supplies and demands (``supply_p1``, ``demand_lyon``): each the one other number
        # written after its place ("Stock sits at the quarry (175)", "building site 1 wants 50")
        places = named[0] | named[1]  # (name part -> place)
        others = [j for j, m in enumerate(mentions) if j not in routes.values() and m.value != 0
                  and j not in labels and not after_per(text, m)]
        ends: dict[str, list[Parameter]] = {}
        for p in params:
            first, sep, rest = p.name.partition("_")
            if sep and rest in places and first != head and not isinstance(p.value, list):
                ends.setdefault(first, []).append(p)
        for group_of in ends.values():
            picks = [[j for j in others if re.search(rf"\b{re.escape(places[p.name.partition('_')[2]])}\b",
                                                       _segment_before(text, j, mentions, labels), re.IGNORECASE)]
                     for p in group_of]
            if len(group_of) < 2 or any(len(found) != 1 for found in picks) \
                    or len({found[0] for found in picks}) != len(picks):
                continue
            for p, (j,) in zip(group_of, picks, strict=True):
                if not gives(mentions[j], p):
                    place = places[p.name.partition("_")[2]]
                    moves.append(Rebinding(p.name, p.value, _value(mentions[j], p),
                                           f"the problem writes {mentions[j].written} with {place}"))
        return moves
    return []


def _segment_before(text: str, j: int, mentions: list[Mention], labels: set[int]) -> str:
    """The text before the number ``j`` back to the last comma, colon, semicolon, full stop or
    number (not one of ``labels``, a place's: "building site 1 wants 50")."""
    m = mentions[j]
    start = max([0] + [k + 1 for k in (text.rfind(c, 0, m.start) for c in ",:;.") if k >= 0]
                + [n.end for i, n in enumerate(mentions) if n.end <= m.start and i not in labels])
    return text[start:m.start]


#: A route before its number: "Plant 1 to Lyon", "from the quarry to building site 2 costs",
#: "the depot → the school" (the text from the last comma, colon, semicolon or number on).
_ROUTE = re.compile(r"(?:^|\bfrom\s+)(?:the\s+)?(?P<a>[\w][\w .'-]*?)\s*(?:\bto\b|→|->)\s*(?:the\s+)?"
                    r"(?P<b>[\w][\w .'-]*?)\s*(?:\bcosts?\b\s*|\bis\b\s*)?(?:[$€£¥]|[A-Z]{3})?\s*$")


def _written_routes(text: str, mentions: list[Mention], labels: set[int]) -> list[tuple[tuple[str, str], int]]:
    """The routes the text writes a number for ("Plant 1 to Lyon 15 EUR"): ``((source,
    destination), number)``, each place as written, in the text's order. A number in a place's
    name (one of ``labels``: "building site 1") is no route's."""
    out = []
    for j, m in enumerate(mentions):
        if m.value == 0 or j in labels:
            continue
        found = _ROUTE.search(_segment_before(text, j, mentions, labels).strip())
        if found:
            out.append(((found["a"].strip(), found["b"].strip()), j))
    return out


def _place_number(text: str, m: Mention) -> bool:
    """Whether ``m`` numbers a place ("Plant 1", "building site 2", "store 3"): a whole number
    right after a word that the text writes before the numbers 1, 2, ... ("Lyon 15 EUR ... Lyon
    10 EUR" are costs; "day 1 ... day 2" are times)."""
    before = re.search(r"(\w+)\s*$", text[:m.start])
    if not before or not _whole(float(m.value)) or m.percent or not before[1].isalpha() \
            or re.fullmatch(r"(?:day|week|month|year|hour|minute|second|quarter|period|round)s?", before[1], re.IGNORECASE):
        return False
    numbered = {int(n) for n in re.findall(rf"\b{re.escape(before[1])}\s+(\d+)\b(?![%.,]\d)", text, re.IGNORECASE)}
    return len(numbered) >= 2 and numbered == set(range(1, len(numbered) + 1)) and int(m.value) in numbered


def _places_named(tokens: list[str], places: list[str]) -> dict[str, str] | None:
    """Each name part (``p1``, ``lyon``) to the text's place it names ("plant 1", "lyon"); by order
    where the parts name none of them and there are as many; None otherwise."""
    def names(token: str, place: str) -> bool:
        words = place.lower().split()
        short = re.fullmatch(r"([a-z]+)(\d+)", token)
        return token in words or (len(words) > 1 and token == words[-2] + words[-1]) or bool(
            short and len(words) > 1 and words[-1] == short[2] and words[-2].startswith(short[1]))

    found = {t: [pl for pl in places if names(t, pl)] for t in tokens}
    if all(len(v) == 1 for v in found.values()) and len({v[0] for v in found.values()}) == len(tokens):
        return {t: v[0] for t, v in found.items()}
    if not any(found.values()) and len(tokens) == len(places):
        return dict(zip(tokens, places, strict=True))
    return None


#: "x1 = jackets", "x2 kg of soybean meal": where a variable of an algebraic program is named.
_VAR = re.compile(r"\b([a-z]_?\d)\b")
#: A coefficient: the number right before a variable ("90·x1", "15 x2", "0.6*x1").
_COEF = re.compile(r"\s*[·*×]?\s*([a-z]_?\d)\b")
_RELATION = re.compile(r"[≤≥<>=]")
_ROW_END = re.compile(r";|\bsubject to\b|\bs\.t\.", re.IGNORECASE)


def _algebra(text: str, words: list[tuple[int, str]], owners: dict[str, list[frozenset[str]]],
             resources: list[frozenset[str]], ends: list[int]):
    """For a linear program the text writes in algebra ("x1 = jackets ... maximize the profit
    90·x1 + 25·x2 (in EUR) subject to 15·x1 + 10·x2 ≤ 1,513 (cutting time, minutes); ..."):
    a function giving a number's (resource, item) there: a coefficient of ``x1`` has the item
    ``x1`` names and the resource its row names (the words of the row outside the terms), the
    right-hand side of a row that row's resource and no item; ``()`` for a number of such a row
    that cannot be read, None for a number outside the algebra (read as prose)."""
    named: dict[str, frozenset[str]] = {}
    for v in _VAR.finditer(text):
        if v.group(1) in named or _COEF.match(text[max(0, v.start() - 2):v.end()]) and \
                re.search(r"[\d·*×]\s*$", text[:v.start()]):
            continue  # the variable's first appearance is its definition; a term is none
        span = text[v.end():v.end() + 60]
        span = span[: next((x.start() for x in re.finditer(r"[,;)(]|\band\b", span)), len(span))]
        found = [owners[w][0] for s, w in words if v.end() <= s < v.end() + len(span) and len(owners.get(w, [])) == 1]
        if found:
            named[v.group(1)] = found[0]
    if len(named) < 2:
        return lambda m: None
    seps = sorted(set(ends + [p for x in _ROW_END.finditer(text) for p in (x.start(), x.end())]))

    def row(pos: int) -> tuple[int, int]:
        return max([0] + [e for e in seps if e <= pos]), min([len(text)] + [e for e in seps if e > pos])

    def kind(m):
        lo, hi = row(m.start)
        terms = [(t.start(), t.end()) for t in re.finditer(r"\d[\d,.]*\s*[·*×]?\s*[a-z]_?\d\b", text[lo:hi])]
        if not terms:
            return None
        res = {r for s, w in words if lo <= s < hi and not any(a <= s - lo < b for a, b in terms)
               for r in resources if w in r}
        if len(res) != 1:
            return ()
        coef = _COEF.match(text, m.end)
        if coef:
            return (res.pop(), named[coef.group(1)]) if coef.group(1) in named else ()
        rel = _RELATION.search(text, lo, m.start)
        return (res.pop(), frozenset()) if rel else ()

    return kind


def _respective_items(text: str, words: list[tuple[int, str]], owners: dict[str, list[frozenset[str]]],
                  mentions: list[Mention], ends: list[int]) -> dict[int, frozenset[str]]:
    """The items of numbers a sentence assigns "respectively": "Every serving of oatmeal (1.75
    EUR) and yogurt (0.90 EUR) supplies, respectively, 19 g of protein and 1 mg of iron; 5 g of
    protein and 4 mg of iron." gives the numbers of the k-th group after "respectively" (groups
    split at ";") the k-th item named before it, when there are as many groups as items (two or
    more). Mention index -> item."""
    found: dict[int, frozenset[str]] = {}
    for r in _RESPECTIVE.finditer(text):
        lo = max([0] + [e for e in ends if e <= r.start()])
        hi = min([len(text)] + [e for e in ends if e > r.end()])
        items = list(dict.fromkeys(owners[w][0] for s, w in words if lo <= s < r.start() and len(owners[w]) == 1))
        cuts = [r.end()] + [r.end() + x.end() for x in re.finditer(";", text[r.end():hi])] + [hi]
        groups = list(pairwise(cuts))
        if len(items) < 2 or len(groups) != len(items):
            continue
        for item, (a, b) in zip(items, groups, strict=True):
            found.update({j: item for j, m in enumerate(mentions) if a <= m.start < b})
    return found


def _grid(text: str, owners: dict[str, list[frozenset[str]]], resources: list[frozenset[str]]):
    """For a Markdown table (``| tables | 3 | 1 | 120 dollars |`` under ``| product | carpentry
    (hours per unit) | finishing | profit per unit |``): a function giving a number's (resource,
    item) there: the item its row's first cell names (none: "available"), the resource its
    column's header names; ``()`` for a cell that cannot be read, None outside a table."""
    cells: list[tuple[int, int, frozenset[str], frozenset[str] | None]] = []  # start, end, item, resource
    header: list[set[frozenset[str]]] = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        row = line.strip()
        if not (row.startswith("|") and row.endswith("|")):
            header = []
            continue
        parts = row.strip("|").split("|")
        if all(set(c.strip()) <= set("-: ") for c in parts):
            continue  # the rule under the header
        stems = [[_stem(w) for w in _WORD_RE.findall(c)] for c in parts]
        if not header:
            header = [{r for r in resources if set(ws) & r} for ws in stems]
            continue
        first = {i for w in stems[0] for i in owners.get(w, []) if len(owners.get(w, [])) == 1}
        item = first.pop() if len(first) == 1 else frozenset()
        at = start + line.index("|") + 1
        for k, c in enumerate(parts):
            res = header[k] if k < len(header) else set()
            cells.append((at, at + len(c), item, next(iter(res)) if len(res) == 1 else None))
            at += len(c) + 1

    def kind(m):
        for a, b, item, res in cells:
            if a <= m.start < b:
                return (res, item) if res is not None else ()
        return None

    return kind


#: A sentence that limits one route or closes it: "at most 35 tonnes a day can be hauled from South
#: Quarry to Site B", "The road from Plant B to Site 3 is closed", "The B-to-Y route ... limits that
#: route to 300 t per day", "Plant B cannot deliver to Site 3" (retrieval's kind reads it too).
ROUTE_LIMIT = re.compile(
    r"\b(?:route|road|bridge|lane)\b[^.]{0,80}?\b(?:closed|limit\w*|at most|no more than|cannot)\b"
    r"|\b(?:at most|no more than|a maximum of|up to)\s+[\d,.]+\s*(?:[\w-]+\s+){0,5}?(?:can\s+|may\s+)?(?:be\s+)?"
    r"(?:go|sent|send|hauled|haul|shipped|ship|carried|moved|travel)\w*\s+from\b"
    r"|\bcannot (?:deliver|supply|ship|send|haul)\b", re.IGNORECASE)
_CLOSED = re.compile(r"\bclosed\b|\bcannot\b|\bno\s+\w+\s+(?:can|may)\b|\bnot at all\b", re.IGNORECASE)
#: Where a sentence names a route's two ends, in the order tried: "from South Quarry to Site B",
#: "the B-to-Y route", "Plant B cannot deliver to Site 3", "how many tonnes does Plant B send to Site 2".
_ROUTE_ENDS = (
    re.compile(r"\bfrom\s+(?:the\s+)?(?P<a>(?:(?!to\b)[\w'-]+\s+){0,2}?[\w'-]+)\s+to\s+(?:the\s+)?(?P<b>[\w'-]+(?:\s+[\w'-]+){0,2})"),
    re.compile(r"\b(?P<a>\w+)-to-(?P<b>\w+)\b"),
    re.compile(r"\b(?P<a>\w+(?:\s+\w+)?)\s+(?:cannot\s+)?(?:deliver|supply|ship|send|haul)s?\s+(?:to\s+)?(?:the\s+)?"
               r"(?P<b>\w+(?:\s+\w+){0,2})"),
)
_ROUTE_STOP = {"the", "a", "an", "and", "to", "from", "at", "all", "is", "are", "of", "up", "can", "its"}


_CLAUSE_MARK = re.compile(r"[,;:.]|\band\b")


def _own_clause(text: str, j: int, mentions: list[Mention], labels: set[int]) -> str:
    """The words around the number ``j`` up to a comma, full stop, colon, semicolon, "and" or
    another number (not a place's, one of ``labels``) on either side: "and South Quarry up to
    [50] tonnes a day", "Suppose [40] sacks of flour to the bakery", "The stocks are [80] at the
    North warehouse"."""
    m = mentions[j]
    before = _segment_before(text, j, mentions, labels)
    before = _CLAUSE_MARK.split(before)[-1]
    nxt = min([n.start for i, n in enumerate(mentions) if n.start >= m.end and i not in labels] + [len(text)])
    after = _CLAUSE_MARK.split(text[m.end:nxt])[0]
    return f"{before} {after}"


def _route_words(words: str) -> set[str]:
    """A place's words as told apart: a single letter or digit as written ("A", not the article
    "a"), other words in lower case; no stop words."""
    out = set()
    for w in re.findall(r"[\w'-]+", words):
        if len(w) == 1:
            out.add(w if w.isupper() or w.isdigit() else "")
        elif w.lower() not in _ROUTE_STOP:
            out.add(w.lower())
    return out - {""}


def _route_end(words: str, clauses: list[str]) -> int | None:
    """The index of the clause (a supply's or a demand's, in the program's order) whose place
    ``words`` name: the one that shares the most of its words, and more than any other."""
    mine = _route_words(words)
    shared = [len(mine & _route_words(c)) for c in clauses]
    best = max(shared, default=0)
    return shared.index(best) if best and shared.count(best) == 1 else None


def _route_of(sentence: str, sources: list[str], dests: list[str]) -> tuple[int, int] | None:
    for pattern in _ROUTE_ENDS:
        if m := pattern.search(sentence):
            a, b = _route_end(m["a"], sources), _route_end(m["b"], dests)
            return (a, b) if a is not None and b is not None else None
    return None


def route_limit(text: str, program: str) -> tuple[str, list[Rebinding]]:
    """Rule 20, a limited route (``text`` with its whitespace collapsed): a transport program
    (costs ``cost_<source>_<dest>`` in the list ``c``, ``supply_<source>`` and ``demand_<dest>``)
    whose one route limit (``limit_depot_site1``, a bound in the list ``bounds``) sits on the
    example's route takes the route the text limits ("at most 35 tonnes a day can be hauled from
    South Quarry to Site B", "The road from Plant B to Site 3 is closed": 0), and an answer
    ``res.x[k]`` takes the route the question asks about ("how many tonnes does Plant B send to
    Site 2?"). A small model copies the example's route: the names are the example's places, so
    the text's places are told by the supplies' and demands' own clauses ("and South Quarry up to
    50", "Site B needs exactly 60"), each parameter on the number it holds."""
    params = parse_parameters(program)
    by_name = {p.name: p for p in params}
    try:
        tree = ast.parse(program)
    except SyntaxError:
        return program, []
    lists = {n.targets[0].id: n for n in tree.body if isinstance(n, ast.Assign) and len(n.targets) == 1
             and isinstance(n.targets[0], ast.Name) and isinstance(n.value, ast.List)}
    if "c" not in lists or not all(isinstance(e, ast.Name) for e in lists["c"].value.elts):
        return program, []
    order = [e.id for e in lists["c"].value.elts]
    grid = [tuple(n.split("_")[1:]) if n.count("_") == 2 else None for n in order]
    if None in grid or len({n.split("_")[0] for n in order}) != 1:
        return program, []
    srcs, dsts = list(dict.fromkeys(a for a, _ in grid)), list(dict.fromkeys(b for _, b in grid))
    if len(srcs) < 2 or len(dsts) < 2 or len(grid) != len(srcs) * len(dsts) \
            or not all(f"supply_{a}" in by_name for a in srcs) or not all(f"demand_{b}" in by_name for b in dsts):
        return program, []
    mentions = [m for m in find_numbers(text) if not m.word]
    labels = {j for j, m in enumerate(mentions) if _place_number(text, m)}

    taken: set[int] = set()  # (a supply and a demand of one value: each its own mention, in order)

    def clauses(names: list[str]) -> list[str] | None:
        out = []
        for n in names:
            j = next((j for j, m in enumerate(mentions) if j not in taken and j not in labels
                      and math.isclose(float(m.value), float(by_name[n].value))), None)
            if j is None:
                return None
            taken.add(j)
            out.append(_own_clause(text, j, mentions, labels))
        return out

    sources, dests = clauses([f"supply_{a}" for a in srcs]), clauses([f"demand_{b}" for b in dsts])
    if sources is None or dests is None:
        return program, []
    moves: list[Rebinding] = []
    question = question_of(text)
    head = order[0].split("_")[0]

    def cost_name(route: tuple[int, int]) -> str:
        return f"{head}_{srcs[route[0]]}_{dsts[route[1]]}"

    limits = [p for p in params if p.name.count("_") == 2 and tuple(p.name.split("_")[1:]) in grid
              and p.name not in order and not isinstance(p.value, list)]
    # the clause that limits the route, from the sentence's last list mark before it on ("Haulage
    # costs: - North to A: £6; ... Because of a bridge, at most 35 tonnes ... from South Quarry to Site B")
    cuts = [(s, m.start(), max(s.rfind(mark, 0, m.start()) + len(mark) for mark in (";", ":", " - ")))
            for s in sentences(text) if s != question and (m := ROUTE_LIMIT.search(s))]
    said = [s[cut:] for s, _, cut in cuts]
    if len(limits) == 1 and len(said) == 1 and "bounds" in lists \
            and len(lists["bounds"].value.elts) == len(grid) and (route := _route_of(said[0], sources, dests)):
        lim = limits[0]
        k = order.index(cost_name(route))
        new_name = f"{lim.name.split('_')[0]}_{srcs[route[0]]}_{dsts[route[1]]}"
        cap = None
        if _CLOSED.search(said[0]):
            cap = 0.0
        else:
            # the limit's number: in the limit's words or after them, not a cost of a list before
            at = text.find(said[0])
            start, end = at + cuts[0][1] - cuts[0][2], at + len(said[0])
            inside = [m for j, m in enumerate(mentions) if j not in labels and start <= m.start < end] if at >= 0 else []
            cap = float(inside[0].value) if len(inside) == 1 else None
        if new_name != lim.name or (cap is not None and not math.isclose(cap, float(lim.value))):
            lines = program.splitlines()
            node = lists["bounds"]
            if node.lineno == node.end_lineno and (new_name == lim.name or new_name not in by_name):
                entries = ", ".join(f"(0, {new_name})" if i == k else "(0, None)" for i in range(len(grid)))
                lines[node.lineno - 1] = (f"bounds = [{entries}]  # the {srcs[route[0]]}->{dsts[route[1]]} "
                                          f"route is limited")
                program = "\n".join(lines) + "\n"
                program = rename(program, {lim.name: new_name}) if new_name != lim.name else program
                if cap is not None and not math.isclose(cap, float(lim.value)):
                    program = set_parameters(program, {new_name: cap})
                moves.append(Rebinding(new_name, lim.value, cap if cap is not None else lim.value,
                                       f"the problem limits the route {srcs[route[0]]} to {dsts[route[1]]}"
                                       + (" (closed)" if cap == 0 else "")))
    # the route the question asks about: answer = res.x[k]
    asked = re.search(r"^answer\s*=\s*(?P<res>\w+)\.x\[(?P<k>\d+)\]", program, re.MULTILINE)
    if asked and re.search(r"\bhow (?:many|much)\b", question, re.IGNORECASE) \
            and (route := _route_of(question, sources, dests)):
        k = route[0] * len(dsts) + route[1]
        if order[k] != cost_name(route):
            return program, moves
        if k != int(asked["k"]):
            program = program[:asked.start("k")] + str(k) + program[asked.end("k"):]
            moves.append(Rebinding("answer", float(asked["k"]), float(k),
                                   f"the question asks the route {srcs[route[0]]} to {dsts[route[1]]}, "
                                   f"entry {k} of c"))
    return program, moves


#: A question that asks for none of the events: "the probability that it doesn't rain on any of
#: them", "no rain on any of the days", "no rainy days at all"; the event's word is ``what``.
_NONE_ASKED = re.compile(
    r"\b(?:doesn't|does not|won't|will not|didn't|did not|never)\s+(?P<what>\w+)\s+(?:\w+\s+){0,2}?on any\b"
    r"|\bno\s+(?P<what2>\w+?)(?:y|ing)?\s+(?:days?\s+)?(?:at all|on any|during)\b"
    r"|\b(?:zero|no)\s+(?P<what3>\w+?)(?:y|ing)?\s+days\b", re.IGNORECASE)


def _none_asked(text: str, program: str, params: list[Parameter]) -> list[Rebinding]:
    """Rule 20, none asked: a binomial program (``binom.pmf(k, n, p)``) whose count of events
    ``k`` is no zero where the question asks for none of them ("What's the probability that it
    doesn't rain on any of them?"; the model writes the example's 1 or 2), where ``p`` names the
    event ("probability of rain on one day")."""
    m = _NONE_ASKED.search(question_of(text))
    if not m:
        return []
    what = (m["what"] or m["what2"] or m["what3"]).lower()
    try:
        tree = ast.parse(program)
    except SyntaxError:
        return []
    by_name = {p.name: p for p in params}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "pmf" \
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "binom" and len(node.args) == 3 \
                and all(isinstance(a, ast.Name) for a in node.args):
            k, _, p = (by_name.get(a.id) for a in node.args)
            if k is None or p is None or isinstance(k.value, list) or k.value == 0:
                continue
            if what[:4] in f"{p.name} {p.description}".lower():
                return [Rebinding(k.name, k.value, 0, f"the question asks for no {what} at all")]
    return []
