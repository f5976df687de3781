// Request bodies for the API tests and the load test: a school, teachers, consents, pair events.
export const ORG = 'sch-test';

export const school = {
  organization: { id: ORG, kind: 'school', name: 'МОУ «Средняя школа № 1»', shortName: 'МОУ «СШ № 1»' },
  head: {
    id: `${ORG}-head`,
    organizationId: ORG,
    category: 'head',
    name: { lastName: 'Нуритдинова', firstName: 'Татьяна', middleName: 'Петровна' },
    position: 'директор',
  },
};

export function teacher(id: string, lastName: string, experienceYears: number) {
  return {
    id,
    organizationId: ORG,
    category: 'teacher',
    name: { lastName, firstName: 'Елена', middleName: 'Сергеевна' },
    gender: 'female',
    position: 'учитель математики',
    experienceYears,
    subjects: ['математика'],
  };
}

export function mentorBody(id: string, lastName = 'Тимофеева') {
  return {
    person: teacher(id, lastName, 15),
    profile: {
      personId: id,
      competences: ['lessonPlanning', 'classroomManagement'],
      subjects: ['математика'],
      menteeGroups: ['youngSpecialist'],
      capacity: 2,
      formats: ['traditional'],
      forms: ['educatorEducator'],
    },
  };
}

export function menteeBody(id: string, lastName = 'Яковлева') {
  return {
    person: teacher(id, lastName, 1),
    profile: {
      personId: id,
      group: 'youngSpecialist',
      requests: [
        {
          id: `${id}-r1`,
          menteeId: id,
          competence: 'classroomManagement',
          subject: 'математика',
          source: 'self',
          createdAt: '2023-09-05',
        },
      ],
    },
  };
}

export function consentBody(id: string, personId: string, purpose: string, givenAt = '2023-09-10') {
  return { id, personId, purpose, givenBy: 'self', givenAt };
}

export function pairBody(id: string, mentorId: string, menteeId: string) {
  return {
    date: '2023-09-15',
    pair: {
      id,
      organizationId: ORG,
      mentorId,
      menteeIds: [menteeId],
      form: 'educatorEducator',
      formats: ['traditional'],
      origin: 'curator',
    },
  };
}

const curator = { role: 'curator' } as const;

export function consentEvent(id: string, personId: string, purpose: string, date = '2023-09-20') {
  return { type: 'consentRecorded', date, by: curator, consent: consentBody(id, personId, purpose, date) };
}

export function orderEvent(number: string, date = '2023-09-25') {
  return {
    type: 'orderIssued',
    date,
    by: { role: 'head' },
    order: {
      id: `ord-${number}`,
      organizationId: ORG,
      kind: 'approvePairs',
      number,
      date,
      title: 'О закреплении наставнических пар',
      signatory: { position: 'директор', name: { lastName: 'Нуритдинова', firstName: 'Татьяна' } },
    },
  };
}

/** The four consents a teacher–teacher pair needs before the order (personal data, mentor duties). */
export function pairConsentEvents(mentorId: string, menteeId: string) {
  return [mentorId, menteeId].flatMap((p) =>
    ['personalData', 'mentorDuties'].map((purpose) => consentEvent(`${p}-${purpose}`, p, purpose)),
  );
}

/** A pupil (a minor) as a mentee, with one request of their own. */
export function pupilMenteeBody(id: string, lastName = 'Соколова') {
  return {
    person: {
      id,
      organizationId: ORG,
      category: 'pupil',
      name: { lastName, firstName: 'Дарья' },
      birthDate: '2010-03-01',
      grade: 7,
    },
    profile: {
      personId: id,
      group: 'middleSchool',
      requests: [
        {
          id: `${id}-r1`,
          menteeId: id,
          competence: 'academicSupport',
          source: 'parent',
          createdAt: '2023-09-05',
        },
      ],
    },
  };
}
