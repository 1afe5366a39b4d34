import fc from 'fast-check';
import assert from 'node:assert/strict';
import { at, crlf, fix, run } from './helpers';
import { NAME, NUMBERS, eachName, nextNumber } from '../../src/rules/personal-data';
import { eachMatch } from '../../src/rules/util/text';
import { offsetIn } from '../ranges';

const one = (text: string) => {
  const f = run('personal-data', text);
  assert.equal(f.length, 1, f.map((x) => x.message).join('\n'));
  return f[0];
};

describe('personal-data', () => {
  const cases: [string, string, string, string][] = [
    ['email', 'Contact jane.smith+orders@example.co.uk today.', 'jane.smith+orders@example.co.uk', '[customer email]'],
    ['phone', 'She gave 07700 900483 as her number.', '07700 900483', '[phone number]'],
    ['phone', 'Ring +44 (0)20 7946 0018 now.', '+44 (0)20 7946 0018', '[phone number]'],
    ['phone', 'Ring 0161-496-0000 now.', '0161-496-0000', '[phone number]'],
    ['phone', 'Ring +447700900483 now.', '+447700900483', '[phone number]'],
    ['postcode', 'Delivered to SW1A 1AA on time.', 'SW1A 1AA', '[postcode]'],
    ['postcode', 'Delivered to M1 1AE on time.', 'M1 1AE', '[postcode]'],
    ['ni-number', 'Her NI number AB 12 34 56 C was on file.', 'AB 12 34 56 C', '[NI number]'],
    ['card', 'She read out 4111 1111 1111 1111 on the call.', '4111 1111 1111 1111', '[card number]'],
    ['card', 'Card 5500-0000-0000-0004 was declined.', '5500-0000-0000-0004', '[card number]'],
    ['nhs-number', 'He was in bed 6 (NHS no. 999 214 6603) on the ward.', '999 214 6603', '[NHS number]'],
    ['nhs-number', 'Her number 943-476-5919 was on the referral.', '943-476-5919', '[NHS number]'],
    ['dob', 'Mr K (DOB 14/03/1938) refused his tablets.', '14/03/1938', '[date of birth]'],
    ['dob', 'She was born on 2 September 1946 in Leeds.', '2 September 1946', '[date of birth]'],
    ['reference', 'Her account number was SE-4471093 on the system.', 'SE-4471093', '[account number]'],
    ['reference', 'A sofa (order BH-20931877) arrived damaged.', 'BH-20931877', '[order number]'],
    ['reference', 'He read out account number 4410 2298 173 slowly.', '4410 2298 173', '[account number]'],
    ['reference', 'I noted his booking ref MCH-448271 in the log.', 'MCH-448271', '[booking reference]'],
    ['reference', 'The parcel (tracking number SWL-88213406) never came.', 'SWL-88213406', '[tracking number]'],
    ['address', 'I visited her at 11 Larch Close for her insulin.', '11 Larch Close', '[address]'],
  ];
  for (const [kind, text, found, replacement] of cases) {
    it(`finds ${kind} "${found}" and replaces it with ${replacement}`, () => {
      const f = one(text);
      assert.equal(f.severity, 'error');
      assert.equal(at(text, f), found);
      assert.deepEqual(f.data, { kind, replacement });
      assert.equal(fix(text, f), text.replace(found, replacement));
      assert.match(f.message, new RegExp(`replace it with "${replacement.replace(/[[\]]/g, '\\$&')}"`));
    });
  }

  it('anonymises titled full names as title and initial, or Customer A', () => {
    for (const [name, short] of [['Mrs Jane Smith', 'Mrs S'], ["Mr John O'Neil", 'Mr O'], ['Dr Amir Khan-Patel', 'Dr K'], ['Ms Ann McDonald', 'Ms M']]) {
      const t = `I rang ${name} back.`;
      const f = one(t);
      assert.equal(at(t, f), name);
      assert.equal(fix(t, f), `I rang ${short} back.`);
      assert.equal(fix(t, f, 1), 'I rang Customer A back.');
      assert.equal(f.fixes![0].preferred, true);
      assert.match(f.message, new RegExp(`looks like a real person's full name\\. Anonymise it — "${short}"`));
    }
  });

  it('anonymises a title with a surname alone as title and initial', () => {
    const t = 'I apologised to Mrs Hollins and rang Mr O\'Neil.';
    const f = run('personal-data', t);
    assert.deepEqual(f.map((x) => at(t, x)), ['Mrs Hollins', "Mr O'Neil"]);
    assert.equal(fix(t, f[0]), "I apologised to Mrs H and rang Mr O'Neil.");
    assert.match(f[0].message, /"Mrs Hollins" looks like a real person's name\. Anonymise it — "Mrs H"/);
  });

  it('finds a full name without a title where a role, "named" or their e-mail address says it is a person', () => {
    for (const [t, name] of [
      ['A tenant, Farah Quist, moved out in February.', 'Farah Quist'],
      ["I met Quickfit's operations manager, Gareth Pryce (g.pryce@example.com).", 'Gareth Pryce'],
      ['I picked up a ticket from Hannah Osei in Lettings (hannah.osei@example.org).', 'Hannah Osei'],
      ['The customer: Ada Wong.', 'Ada Wong'],
    ]) {
      const f = run('personal-data', t).filter((x) => x.data?.kind === 'person');
      assert.deepEqual(f.map((x) => at(t, x)), [name], t);
      assert.equal(fix(t, f[0]), t.replace(name, `${name.split(' ')[0]} ${name.split(' ')[1][0]}`));
      assert.equal(fix(t, f[0], 1), t.replace(name, 'Customer A'));
    }
  });

  it('finds every later mention of a full name once it is known to be a person', () => {
    const t = 'A resident, Ada Wong, fell. Later Ada Wong said she was fine.';
    assert.deepEqual(run('personal-data', t).map((x) => at(t, x)), ['Ada Wong', 'Ada Wong']);
  });

  it('leaves already-anonymised text and look-alikes alone', () => {
    const t = [
      'Mrs S rang. Our team leader agreed. Ticket 1234-5678-9012. Ref 4111 1111 1111 1112 fails the Luhn check.',
      'AC 2.3 and CS301 1.1 and SLA 98%. Call 999. Version 2.0.1. Email me at the desk. Bed 12 Park View was the one.',
      'On Monday Citizens Advice rang. The Customer Experience Lead, our Head Office and Westbrook Council agreed on 14/03/2024.',
      'We sent 12,500 letters and 4410 2298 were returned. Order volumes rose 18% by 1 March 2024.',
    ].join('\n');
    assert.deepEqual(run('personal-data', t).map((x) => at(t, x)), []);
  });

  it('checks the front matter too, except the learner field (front-matter judges that)', () => {
    const t = '---\ntitle: Call with Mrs Jane Smith\nlearner: Mr Tom Jones\ncustomer: jane@example.com\n---\n## Situation\n\nText.\n';
    const f = run('personal-data', t);
    assert.deepEqual(f.map((x) => at(t, x)), ['Mrs Jane Smith', 'jane@example.com']);
  });

  it('never looks in code or HTML comments, nor at feedback marks written in code', () => {
    const t = '`jane@example.com`\n\n<!-- 07700 900483 -->\n\n`{>>Mrs Jane Smith<<}`\n\n```\nSW1A 1AA\n{~~Mr John Brown~>Mr B~~}\n```\n';
    assert.deepEqual(run('personal-data', t), []);
  });

  describe('inside tutor feedback (CriticMarkup)', () => {
    const found = (t: string) => run('personal-data', t).map((f) => [at(t, f), f.fixes![0].edits[0].newText]);

    it('reads comments, after their [role:initials] label', () => {
      const t = 'I was on the desk. {>>Mrs Ada Wong is a name<<} Then {>>[tutor:AB open] ring 07700 900483<<}.\n';
      assert.deepEqual(found(t), [['Mrs Ada Wong', 'Mrs W'], ['07700 900483', '[phone number]']]);
      assert.match(run('personal-data', t)[0].message, /"Mrs Ada Wong" in this comment looks like a real person's full name/);
    });

    it('reads both sides of a suggested change, and suggested additions and deletions', () => {
      const t = '{~~Mr John Brown~>Mrs Ada Wong~~} rang. {++jane@example.com++} {--SW1A 1AA--}\n';
      assert.deepEqual(found(t), [['Mr John Brown', 'Mr B'], ['Mrs Ada Wong', 'Mrs W'], ['jane@example.com', '[customer email]'], ['SW1A 1AA', '[postcode]']]);
      assert.match(run('personal-data', t)[2].message, /This looks like an email address in this suggested addition\./);
    });

    it('reads the comment after a highlight; the highlighted words are prose already', () => {
      const t = 'I rang {==Mrs Patel==}{>>[assessor:CD] the customer, Ada Wong<<} back.\n';
      assert.deepEqual(found(t), [['Mrs Patel', 'Mrs P'], ['Ada Wong', 'Ada W']]);
    });

    it('anonymises in place without breaking the mark', () => {
      const t = '{~~Mr John Brown~>Mr B~~} rang.\n';
      assert.equal(fix(t, one(t)), '{~~Mr B~>Mr B~~} rang.\n');
    });

    it('does not take labels, initials or short anonymised names for personal data', () => {
      for (const t of ['{>>[tutor:AB open] Good, Mr B is anonymised<<}', '{>>[iqa:JS] AB and CD agreed<<}', '{~~Mr B~>Customer A~~}', '{>>[tutor:AB12 resolved] ok<<}'])
        assert.deepEqual(run('personal-data', t + '\n'), [], t);
    });
  });

  it('keeps exact ranges with CRLF and a BOM', () => {
    const t = '\ufeff' + crlf('## Situation\n\nMrs Jane Smith\nrang from 07700 900483.\n');
    const f = run('personal-data', t);
    assert.deepEqual(f.map((x) => at(t, x)), ['Mrs Jane Smith', '07700 900483']);
    assert.deepEqual(f.map((x) => [x.start.line, x.start.column]), [[2, 0], [3, 10]]);
  });
});

describe('personal-data: numbers next to each other', () => {
  it('finds a phone number right after a long reference that is not a card', () => {
    const t = 'Ref 13 07700 900483 was logged.';
    const f = run('personal-data', t);
    assert.deepEqual(f.map((x) => at(t, x)), ['07700 900483']);
  });
});

describe('personal-data: the number search skips only clusters that cannot match', () => {
  it('finds what the plain global regex finds, from any position', () => {
    const pieces = ['0', '7', '1', '4', '9', '12', '07811', '765523', '+44', '(0)', '(', ')', '-', ' ', '  ', '\n', '\u00a0', 'AB', 'SW1A', '1AA', 'GIR', '0AA', 'QQ', 'C', 'D', 'x', 'ref', '£', ':', '4111', '1111'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.nat(), (parts, a) => {
        const text = parts.join('');
        const from = offsetIn(text, a);
        NUMBERS.lastIndex = from;
        const want = NUMBERS.exec(text);
        const got = nextNumber(text, from);
        assert.deepEqual(got && [got.index, got[0]], want && [want.index, want[0]], JSON.stringify({ text, from }));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('personal-data: the name search starts only at the capitals titles begin with', () => {
  it('finds what the plain global regex finds, from any position', () => {
    const pieces = ['Mrs', 'Mr', 'Ms', 'Miss', 'Mx', 'Dr', 'Prof', 'Sir', 'Dame', 'Mr.', 'Jane', 'Smith', "O'Neil", 'McKay', 'Khan-Patel', 'Amir', 'S', 'M', 'D', 'P',
      'smith', 'JANE', ' ', '  ', '\n', '.', '-', "'", 'é', 'x', '7', '_', 'A'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.nat(), (parts, a) => {
        const text = parts.join('');
        const from = offsetIn(text, a);
        const want: string[] = [];
        eachMatch(NAME, text, from, text.length, (m) => want.push(`${m.index}:${m[0]}`));
        const got: string[] = [];
        eachName(text, from, (m) => got.push(`${m.index}:${m[0]}`));
        assert.deepEqual(got, want, JSON.stringify({ text, from }));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('personal-data: what each detector takes and leaves', () => {
  // Each line: the text of an Action, then what is flagged in it and as what.
  const CASES: [string, [string, string][]][] = [
    ["Card 4111 1111 1111 1111 used.",[["4111 1111 1111 1111","card"]]],
    ["Card 4111 1111 1111 1112 used.",[]],
    ["Card 4222222222222 used.",[["4222222222222","card"]]],
    ["Card 422222222222 used.",[]],
    ["Card 41111111111111111111 used.",[]],
    ["Card 0111 1111 1111 1111 used.",[]],
    ["Ref-4111 1111 1111 1111 used.",[]],
    ["Call 07700 900483 now.",[["07700 900483","phone"]]],
    ["Call +44 7700 900483 now.",[["+44 7700 900483","phone"]]],
    ["Call +44 (0)7700 900483 now.",[["+44 (0)7700 900483","phone"]]],
    ["Call 0770 090 048 now.",[["0770 090 048","phone"]]],
    ["Call 077009004 now.",[]],
    ["Call 44 7700 90048 now.",[]],
    ["Call +44 7700 90048 now.",[["+44 7700 90048","phone"]]],
    ["Call +44 77009 004831 now.",[]],
    ["Call +44 0770 0900 483 now.",[["0770 0900 483","phone"]]],
    ["Call 0770090048312 now.",[]],
    ["Call x07700 900483 now.",[]],
    ["Call 0770-090-0483.",[["0770-090-0483","phone"]]],
    ["Mail .a.b@example.com now.",[["a.b@example.com","email"]]],
    ["Mail a@example.com",[["a@example.com","email"]]],
    ["Mail @example.com now.",[]],
    ["Mail a@b now.",[]],
    ["x a.b@example.co.uk, y@z.org.",[["a.b@example.co.uk","email"],["y@z.org","email"]]],
    ["NI AB 12 34 56 C here.",[["AB 12 34 56 C","ni-number"]]],
    ["Postcode SW1A 1AA here.",[["SW1A 1AA","postcode"]]],
    ["Postcode GIR 0AA here.",[["GIR 0AA","postcode"]]],
    ["M1 1AE and B33 8TH.",[["M1 1AE","postcode"],["B33 8TH","postcode"]]],
    ["Mrs Jane Smith and Mr John O'Neil met Dr Sarah-Jane Brown.",[["Mrs Jane Smith","name"],["Mr John O'Neil","name"],["Dr Sarah-Jane Brown","name"]]],
    ["Ms. Ann Lee",[["Ms. Ann Lee","name"]]],
    ["Mrs Smith alone.",[["Mrs Smith","name"]]],
    ["Price £12.50 at 10:30, 12345 items.",[]],
  ];
  for (const [text, expected] of CASES) {
    it(text, () => {
      const t = `## Action\n\n${text}\n`;
      assert.deepEqual(run('personal-data', t).map((f) => [at(t, f), f.data?.kind]), expected);
    });
  }
});
